using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExpenseFlow.Insights.Contracts;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>
/// The workbook: sheet 1 the report (header, before/after, hard metrics, soft metrics apart), sheet 2 one row per formula
/// input keyed by figure, sheet 3 the chart data with a native combo chart (claims as bars, median cycle days as a line)
/// and a before/after bar chart.
/// </summary>
internal static class RoiXlsxWriter
{
    public static byte[] Write(RoiReportDto r, RoiTexts t)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids everywhere: the SDK would otherwise make up random ones.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var strings = new XlsxStrings();
            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = XlsxStyles.Create();

            var report = new XlsxSheet(strings);
            WriteReport(report, r, t);
            var formulas = new XlsxSheet(strings);
            WriteFormulas(formulas, r, t);
            var charts = new XlsxSheet(strings);
            var layout = RoiXlsxCharts.WriteData(charts, r, t);

            AddSheet(workbook, "rId1", report, XlsxSheet.Widths(36, 16, 16, 12, 70, 24));
            AddSheet(workbook, "rId2", formulas, XlsxSheet.Widths(22, 30, 60, 22, 30, 14, 10, 12, 40));
            var chartSheet = AddSheet(workbook, "rId3", charts, XlsxSheet.Widths(12, 12, 26, 12, 16, 4, 30, 14, 14, 10));
            RoiXlsxCharts.AddCharts(chartSheet, layout, r, t);

            workbook.Workbook.Append(new Sheets(
                new Sheet { Name = t.ReportSheet, SheetId = 1, Id = "rId1" },
                new Sheet { Name = t.FormulasSheet, SheetId = 2, Id = "rId2" },
                new Sheet { Name = t.ChartsSheet, SheetId = 3, Id = "rId3" }));
            workbook.AddNewPart<SharedStringTablePart>("rIdStrings").SharedStringTable = strings.ToTable();
        }
        return StampEntries(stream.ToArray(), r.GeneratedAt);
    }

    static WorksheetPart AddSheet(WorkbookPart workbook, string id, XlsxSheet sheet, Columns widths)
    {
        var part = workbook.AddNewPart<WorksheetPart>(id);
        part.Worksheet = new Worksheet(widths, sheet.Data);
        return part;
    }

    static void WriteReport(XlsxSheet s, RoiReportDto r, RoiTexts t)
    {
        s.Row(XCell.Str(t.Title, XlsxStyles.Title));
        s.Row(XCell.Str(t.Period, XlsxStyles.Bold), XCell.Str(t.PeriodText(r)));
        s.Row(XCell.Str(t.BaselineLabel, XlsxStyles.Bold), XCell.Str(t.Baseline(r)));
        s.Row(XCell.Str(t.CurrencyLabel, XlsxStyles.Bold), XCell.Str(r.Currency));
        s.Row(XCell.Str(t.GeneratedAtLabel, XlsxStyles.Bold), XCell.Str(RoiTexts.Instant(r.GeneratedAt)));
        foreach (var warning in r.Warnings) s.Row(XCell.Str(t.WarningLabel, XlsxStyles.Bold), XCell.Str(t.WarningText(warning)));

        s.Blank();
        s.Row(XCell.Str(t.ComparisonHeading, XlsxStyles.Title));
        s.Row(Header(t.Figure, t.Before, t.After, t.Unit, t.Formula, t.Key));
        foreach (var f in r.Comparison)
            s.Row(XCell.Str(t.Name(f)), XCell.Value(f.Before, f.Unit), XCell.Value(f.After, f.Unit), XCell.Str(t.UnitText(f.Unit)),
                XCell.Str(t.FormulaOf(f), XlsxStyles.Wrap), XCell.Str(f.Key));

        s.Blank();
        s.Row(XCell.Str(t.HardHeading, XlsxStyles.Title));
        s.Row(Header(t.Figure, t.Value, "", t.Unit, t.Formula, t.Key));
        foreach (var f in r.Hard)
            s.Row(XCell.Str(t.Name(f)), XCell.Value(f.Value, f.Unit), XCell.Empty, XCell.Str(t.UnitText(f.Unit)),
                XCell.Str(t.FormulaOf(f), XlsxStyles.Wrap), XCell.Str(f.Key));

        // Soft metrics are typed in by management: a section of their own, never rows of the hard table.
        s.Blank();
        s.Row(XCell.Str(t.SoftHeading, XlsxStyles.Title));
        s.Row(XCell.Str(t.SoftNote));
        s.Row(Header(t.Figure, t.Before, t.After, t.Scale, t.EnteredBy, t.EnteredAt));
        foreach (var m in r.Soft)
            s.Row(XCell.Str(t.Name(m)), XCell.Value(m.Before, m.Scale), XCell.Value(m.After, m.Scale), XCell.Str(m.Scale),
                XCell.Str($"{m.EnteredByName ?? RoiTexts.Missing} ({t.EnteredByManagement})"),
                XCell.Str(m.EnteredAt is { } at ? RoiTexts.Instant(at) : RoiTexts.Missing));
    }

    static void WriteFormulas(XlsxSheet s, RoiReportDto r, RoiTexts t)
    {
        s.Row(XCell.Str(t.FormulasSheet, XlsxStyles.Title));
        s.Row(Header(t.Key, t.Figure, t.Formula, t.InputKey, t.Input, t.Value, t.Unit, t.Origin, t.Source));
        foreach (var f in r.Comparison.Concat(r.Hard))
        {
            var figure = new[] { XCell.Str(f.Key), XCell.Str(t.Name(f)), XCell.Str(t.FormulaOf(f), XlsxStyles.Wrap) };
            if (f.Inputs.Count == 0) s.Row([.. figure, XCell.Str(RoiTexts.Missing), XCell.Str(t.None)]);
            foreach (var i in f.Inputs)
                s.Row([.. figure, XCell.Str(i.Key), XCell.Str(t.Name(i)), XCell.Value(i.Value, i.Unit), XCell.Str(t.UnitText(i.Unit)),
                    XCell.Str(t.OriginText(i.Origin)), XCell.Str(i.Source ?? RoiTexts.Missing)]);
        }
    }

    static XCell[] Header(params string[] names) => names.Select(n => n.Length == 0 ? XCell.Empty : XCell.Str(n, XlsxStyles.Bold)).ToArray();

    /// <summary>
    /// Rewrites the package's zip with every entry stamped at <paramref name="at"/>: System.IO.Packaging stamps entries
    /// with the current time, which would make two exports of one report differ.
    /// </summary>
    static byte[] StampEntries(byte[] package, DateTimeOffset at)
    {
        var stamp = new DateTimeOffset(DateTime.SpecifyKind(at.UtcDateTime, DateTimeKind.Unspecified), TimeSpan.Zero);
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
