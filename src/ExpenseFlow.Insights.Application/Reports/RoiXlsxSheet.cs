using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ExpenseFlow.BuildingBlocks.Text;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>A cell to write: text, a number with a style, or nothing.</summary>
internal readonly record struct XCell(string? Text, decimal? Number, uint Style)
{
    public static readonly XCell Empty = new(null, null, 0);

    public static XCell Str(string? text, uint style = XlsxStyles.Plain) => new(text ?? "", null, style);

    /// <summary>A value in its unit: a ratio as a percentage, anything else with two decimals, a missing one as "—".</summary>
    public static XCell Value(decimal? value, string unit) => value is { } v
        ? new(null, v, RoiTexts.IsRatio(unit) ? XlsxStyles.Percent : XlsxStyles.Decimal)
        : new(RoiTexts.Missing, null, XlsxStyles.Plain);

    /// <summary>A chart source cell: left blank when missing, so Excel draws a gap instead of a zero.</summary>
    public static XCell ChartValue(decimal? value, uint style) => value is { } v ? new(null, v, style) : Empty;
}

/// <summary>Builds one worksheet's rows, keeping strings in the workbook's shared string table.</summary>
internal sealed class XlsxSheet(XlsxStrings strings)
{
    public SheetData Data { get; } = new();

    /// <summary>The 1-based index the next row gets.</summary>
    public uint NextRow => (uint)Data.ChildElements.Count + 1;

    public void Row(params XCell[] cells)
    {
        var index = NextRow;
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            if (c.Text is null && c.Number is null) continue;
            var cell = new Cell { CellReference = Ref(i, index), StyleIndex = c.Style == 0 ? null : c.Style };
            if (c.Number is { } n) cell.CellValue = new CellValue(n);
            else
            {
                cell.DataType = CellValues.SharedString;
                // Soft metrics carry names and sources people typed: no text cell may read as a formula.
                cell.CellValue = new CellValue(strings.Index(SpreadsheetText.Cell(c.Text)));
            }
            row.Append(cell);
        }
        Data.Append(row);
    }

    public void Blank() => Data.Append(new Row { RowIndex = NextRow });

    public static string Column(int zeroBased)
    {
        var name = "";
        for (var n = zeroBased + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public static string Ref(int zeroBasedColumn, uint row) => Column(zeroBasedColumn) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>An absolute reference for a chart formula: <c>'Sheet'!$A$2:$A$4</c>.</summary>
    public static string Range(string sheet, int column, uint firstRow, uint lastRow) =>
        $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${Column(column)}${firstRow}:${Column(column)}${lastRow}";

    public static Columns Widths(params double[] widths) => new(widths.Select((w, i) =>
        new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
}

/// <summary>The shared string table, in first-use order so the same report gives the same table.</summary>
internal sealed class XlsxStrings
{
    readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    readonly List<string> items = [];

    public int Index(string text)
    {
        if (index.TryGetValue(text, out var i)) return i;
        index[text] = items.Count;
        items.Add(text);
        return items.Count - 1;
    }

    public SharedStringTable ToTable() => new(items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
    {
        Count = (uint)items.Count,
        UniqueCount = (uint)items.Count,
    };
}

/// <summary>The cell formats the report uses; the constants are indexes into <c>cellXfs</c>.</summary>
internal static class XlsxStyles
{
    public const uint Plain = 0, Decimal = 1, Percent = 2, Bold = 3, Title = 4, Integer = 5, Wrap = 6;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0#%" }) { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true }) { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
