using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ExpenseFlow.Insights.Contracts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>
/// Lays the report out on A4 pages top to bottom: header, before/after table, hard metrics (each figure followed by its
/// formula and inputs in a smaller font), soft metrics apart, then the two charts; page numbers last.
/// </summary>
internal sealed partial class RoiPdfWriter : IDisposable
{
    internal const double Margin = 40;
    readonly RoiReportDto r;
    readonly RoiTexts t;
    readonly RoiPdfFonts f = new();
    readonly PdfDocument document = new();
    XGraphics g = null!;
    double y;

    RoiPdfWriter(RoiReportDto report, RoiTexts texts)
    {
        r = report;
        t = texts;
        var at = report.GeneratedAt.UtcDateTime;
        document.Info.Title = t.Title;
        document.Info.Subject = t.PeriodText(report);
        document.Info.Creator = "ExpenseFlow";
        document.Info.CreationDate = at;
        document.Info.ModificationDate = at;
        // PDFsharp would put a random file identifier in the trailer; one derived from the report keeps exports repeatable.
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{report.BaselineId}|{report.BaselineVersion}|{report.From}|{report.To}|{report.GeneratedAt:O}|{t.Chinese}")))[..16];
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        NewPage();
    }

    double Width => ((double)document.Pages[0].Width.Point) - 2 * Margin;
    double Bottom => ((double)document.Pages[0].Height.Point) - Margin - 14;

    public static byte[] Write(RoiReportDto report, RoiTexts texts)
    {
        RoiPdfFont.EnsureRegistered();
        using var writer = new RoiPdfWriter(report, texts);
        writer.Header();
        writer.Figures(texts.ComparisonHeading, report.Comparison, comparison: true);
        writer.Figures(texts.HardHeading, report.Hard, comparison: false);
        writer.Soft();
        writer.Charts();
        return writer.Save();
    }

    void Header()
    {
        Line(t.Title, f.Title, XBrushes.Black, 0, 24);
        Line($"{t.Period}{t.Colon}{t.PeriodText(r)}", f.Body, XBrushes.Black, 0, 13);
        Line(t.Baseline(r), f.Body, XBrushes.Black, 0, 13);
        Line($"{t.CurrencyLabel}{t.Colon}{r.Currency}", f.Body, XBrushes.Black, 0, 13);
        Line($"{t.GeneratedAtLabel}{t.Colon}{RoiTexts.Instant(r.GeneratedAt)}", f.Body, XBrushes.Black, 0, 13);
        foreach (var warning in r.Warnings)
            Paragraph($"{t.WarningLabel}{t.Colon}{t.WarningText(warning)}", f.Body, RoiPdfFonts.Warning, 0, 12);
        y += 8;
    }

    void Figures(string heading, IReadOnlyList<RoiFigureDto> figures, bool comparison)
    {
        PdfColumn[] columns = comparison
            ? [new(t.Figure, 0, 215), new(t.Before, 215, 310, true), new(t.After, 310, 405, true), new(t.Unit, 420, 515)]
            : [new(t.Figure, 0, 300), new(t.Value, 300, 405, true), new(t.Unit, 420, 515)];
        Heading(heading);
        TableHeader(columns);
        foreach (var fig in figures)
        {
            var name = Wrap(t.Name(fig), f.Body, columns[0].Width);
            var formula = Wrap($"{t.Formula}{t.Colon}{t.FormulaOf(fig)}", f.Small, Width - 12);
            List<(string Text, double Indent)> inputs = fig.Inputs.Count == 0
                ? [($"{t.Inputs}{t.Colon}{t.None}", 12)]
                : [(t.Inputs + t.Colon.TrimEnd(), 12), .. fig.Inputs.SelectMany(i => Wrap("• " + t.InputLine(i), f.Small, Width - 30)
                    .Select((line, n) => (line, n == 0 ? 18.0 : 24.0)))];
            Ensure(name.Count * 12 + (formula.Count + inputs.Count) * 9.5 + 6, () => TableHeader(columns));
            var unit = t.UnitText(fig.Unit);
            string[] cells = comparison
                ? [RoiTexts.Format(fig.Before, fig.Unit), RoiTexts.Format(fig.After, fig.Unit), unit]
                : [RoiTexts.Format(fig.Value, fig.Unit), unit];
            Row(columns, name, cells);
            foreach (var line in formula) Line(line, f.Small, RoiPdfFonts.Muted, 12, 9.5);
            foreach (var (line, indent) in inputs) Line(line, f.Small, RoiPdfFonts.Muted, indent, 9.5);
            Rule();
        }
        y += 10;
    }

    void Soft()
    {
        PdfColumn[] columns = [new(t.Figure, 0, 200), new(t.Before, 200, 270, true), new(t.After, 270, 340, true),
            new(t.Scale, 350, 415), new(t.EnteredBy, 420, 515)];
        Heading(t.SoftHeading);
        Paragraph(t.SoftNote, f.Small, RoiPdfFonts.Muted, 0, 10);
        TableHeader(columns);
        foreach (var m in r.Soft)
        {
            var name = Wrap(t.Name(m), f.Body, columns[0].Width);
            Ensure(name.Count * 12 + 16, () => TableHeader(columns));
            Row(columns, name, [RoiTexts.Number(m.Before), RoiTexts.Number(m.After), m.Scale, m.EnteredByName ?? RoiTexts.Missing]);
            var entered = $"{t.EnteredByManagement}{t.Comma}{(m.EnteredAt is { } at ? RoiTexts.Instant(at) : RoiTexts.Missing)}";
            Line(entered, f.Small, RoiPdfFonts.Muted, 12, 10);
            Rule();
        }
        y += 10;
    }

    void Charts()
    {
        const double height = 230;
        Ensure(22 + height, null);
        Heading(t.ChartsHeading);
        RoiPdfCharts.Trend(g, new XRect(Margin, y, Width, height), r.Trend, t, f);
        y += height + 14;
        Ensure(height, null);
        RoiPdfCharts.Comparison(g, new XRect(Margin, y, Width, height), RoiTexts.Chartable(r), t, f);
        y += height;
    }

    void Heading(string text)
    {
        Ensure(40, null);
        Line(text, f.Heading, XBrushes.Black, 0, 18);
    }

    void TableHeader(PdfColumn[] columns)
    {
        g.DrawRectangle(RoiPdfFonts.HeaderFill, Margin, y - 1, Width, 13);
        foreach (var c in columns) Text(c, c.Title, f.Bold, y);
        y += 15;
    }

    /// <summary>A table row: the first column's wrapped lines, the other cells on its first line.</summary>
    void Row(PdfColumn[] columns, List<string> first, string[] cells)
    {
        var top = y;
        for (var i = 0; i < cells.Length; i++) Text(columns[i + 1], cells[i], f.Body, top);
        foreach (var line in first) Line(line, f.Body, XBrushes.Black, columns[0].Left, 12);
    }

    void Text(PdfColumn c, string text, XFont font, double top) =>
        g.DrawString(text, font, XBrushes.Black, new XRect(Margin + c.Left, top, c.Width, 12),
            c.AlignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);

    void Rule()
    {
        y += 3;
        g.DrawLine(RoiPdfFonts.Rule, Margin, y, Margin + Width, y);
        y += 3;
    }

    void Line(string text, XFont font, XBrush brush, double indent, double height)
    {
        g.DrawString(text, font, brush, Margin + indent, y, XStringFormats.TopLeft);
        y += height;
    }

    void Paragraph(string text, XFont font, XBrush brush, double indent, double height)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Ensure(height, null);
            Line(line, font, brush, indent, height);
        }
    }

    void Ensure(double height, Action? onNewPage)
    {
        if (y + height <= Bottom) return;
        NewPage();
        onNewPage?.Invoke();
    }

    void NewPage()
    {
        g?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        g = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    /// <summary>Greedy line breaking: at the last space that fits, else between any two characters (CJK has no spaces).</summary>
    List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var rest = text;
        while (rest.Length > 0)
        {
            var fit = 1;
            while (fit < rest.Length && g.MeasureString(rest[..(fit + 1)], font).Width <= width) fit++;
            if (fit < rest.Length)
            {
                var space = rest.LastIndexOf(' ', fit - 1, fit);
                if (space > 0) fit = space;
            }
            lines.Add(rest[..fit].TrimEnd());
            rest = rest[fit..].TrimStart();
        }
        return lines.Count == 0 ? [""] : lines;
    }

    byte[] Save()
    {
        g.Dispose();
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"ExpenseFlow · {t.Baseline(r)} · {(i + 1).ToString(CultureInfo.InvariantCulture)} / {count.ToString(CultureInfo.InvariantCulture)}";
            footer.DrawString(text, f.Small, RoiPdfFonts.Muted, new XRect(Margin, Bottom + 8, Width, 10), XStringFormats.TopCenter);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return Repeatable(stream.ToArray());
    }

    /// <summary>
    /// Makes the saved bytes repeat. PDFsharp tags an embedded font subset with six random capitals
    /// (<c>/FontName/ABCDEF+…</c>) and gives the XMP metadata random document and instance uuids. Each is replaced by a
    /// value of the same length derived from the report, so offsets and the xref table stay valid.
    /// </summary>
    byte[] Repeatable(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = SubsetTag().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        for (var i = 0; i < tags.Count && i < 26; i++)
            text = text.Replace($"/{tags[i]}+", $"/EFROI{(char)('A' + i)}+", StringComparison.Ordinal);
        text = XmpUuid().Replace(text, m => $"<xmpMM:{m.Groups[1].Value}>uuid:{DerivedGuid(m.Groups[1].Value):D}</xmpMM:{m.Groups[1].Value}>");
        return Encoding.Latin1.GetBytes(text);
    }

    Guid DerivedGuid(string purpose) => new(SHA256.HashData(Encoding.UTF8.GetBytes(document.Internals.FirstDocumentID + purpose)).AsSpan(0, 16));

    [GeneratedRegex(@"/FontName/([A-Z]{6})\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"<xmpMM:(DocumentID|InstanceID)>uuid:[0-9a-fA-F-]{36}</xmpMM:\1>")]
    private static partial Regex XmpUuid();

    /// <summary>A table column in points from the left margin; numbers align right, leaving a small gap.</summary>
    sealed record PdfColumn(string Title, double Left, double Right, bool AlignRight = false)
    {
        public double Width => Right - Left - 6;
    }

    public void Dispose()
    {
        g?.Dispose();
        document.Dispose();
    }
}
