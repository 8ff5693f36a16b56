using System.Globalization;
using ExpenseFlow.Insights.Contracts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>The fonts, brushes and pens of the PDF; fonts are made after the font resolver is installed.</summary>
internal sealed class RoiPdfFonts
{
    // Unicode encoding throughout: one embedded subset instead of a second WinAnsi copy for all-Latin strings.
    static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public XFont Title { get; } = new(RoiPdfFont.Family, 16, XFontStyleEx.Bold, Unicode);
    public XFont Heading { get; } = new(RoiPdfFont.Family, 12, XFontStyleEx.Bold, Unicode);
    public XFont Body { get; } = new(RoiPdfFont.Family, 9, XFontStyleEx.Regular, Unicode);
    public XFont Bold { get; } = new(RoiPdfFont.Family, 9, XFontStyleEx.Bold, Unicode);
    public XFont Small { get; } = new(RoiPdfFont.Family, 7, XFontStyleEx.Regular, Unicode);

    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(85, 85, 85));
    public static readonly XBrush Warning = new XSolidBrush(XColor.FromArgb(176, 0, 0));
    public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(230, 234, 242));
    public static readonly XBrush Primary = new XSolidBrush(XColor.FromArgb(68, 114, 196));
    public static readonly XBrush Secondary = new XSolidBrush(XColor.FromArgb(165, 165, 165));
    public static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(237, 125, 49));
    public static readonly XPen AccentLine = new(XColor.FromArgb(237, 125, 49), 1.8);
    public static readonly XPen Rule = new(XColor.FromArgb(215, 215, 215), 0.5);
    public static readonly XPen Axis = new(XColors.Black, 0.8);
    public static readonly XPen Grid = new(XColor.FromArgb(225, 225, 225), 0.5);
}

/// <summary>The two charts, drawn with PDFsharp primitives: axes with tick labels, bars, a polyline, a legend.</summary>
internal static class RoiPdfCharts
{
    const int Ticks = 4;

    /// <summary>Claims per month as bars on the left axis; median cycle time in days as a line on the right axis.</summary>
    public static void Trend(XGraphics g, XRect box, IReadOnlyList<RoiMonthDto> months, RoiTexts t, RoiPdfFonts f)
    {
        g.DrawString(t.TrendChartTitle, f.Bold, XBrushes.Black, box.X, box.Y, XStringFormats.TopLeft);
        Legend(g, box, f, (RoiPdfFonts.Primary, null, t.Claims), (null, RoiPdfFonts.AccentLine, t.MedianCycleDays));
        if (months.Count == 0)
        {
            g.DrawString(t.None, f.Body, RoiPdfFonts.Muted, box.X, box.Y + 30, XStringFormats.TopLeft);
            return;
        }
        var plot = new XRect(box.X + 45, box.Y + 36, box.Width - 90, box.Height - 36 - 24);
        var claimsTop = NiceCeiling(months.Max(m => (double)m.Claims));
        var days = months.Select(m => m.MedianCycleHours / 24).ToList();
        var daysTop = NiceCeiling(days.Max() ?? 0);
        g.DrawString(t.Claims, f.Small, RoiPdfFonts.Muted, plot.X - 40, plot.Y - 12, XStringFormats.TopLeft);
        g.DrawString(t.MedianCycleDays, f.Small, RoiPdfFonts.Muted, new XRect(plot.Right - 160, plot.Y - 12, 200, 9), XStringFormats.TopRight);
        for (var k = 0; k <= Ticks; k++)
        {
            var ty = plot.Bottom - plot.Height * k / Ticks;
            if (k > 0) g.DrawLine(RoiPdfFonts.Grid, plot.X, ty, plot.Right, ty);
            g.DrawString(Tick(claimsTop * k / Ticks), f.Small, XBrushes.Black, new XRect(plot.X - 44, ty - 4, 40, 9), XStringFormats.TopRight);
            g.DrawString(Tick(daysTop * k / Ticks), f.Small, XBrushes.Black, new XRect(plot.Right + 4, ty - 4, 40, 9), XStringFormats.TopLeft);
        }
        var slot = plot.Width / months.Count;
        var line = new List<XPoint>();
        for (var i = 0; i < months.Count; i++)
        {
            var x = plot.X + slot * i;
            var h = plot.Height * months[i].Claims / claimsTop;
            g.DrawRectangle(RoiPdfFonts.Primary, x + slot * 0.25, plot.Bottom - h, slot * 0.5, h);
            g.DrawString(months[i].Month, f.Small, XBrushes.Black, new XRect(x, plot.Bottom + 4, slot, 9), XStringFormats.TopCenter);
            if (days[i] is { } d) line.Add(new XPoint(x + slot / 2, plot.Bottom - plot.Height * d / daysTop));
            // A month without a median breaks the line rather than joining its neighbours across the gap.
            if (days[i] is null || i == months.Count - 1) Polyline(g, line);
        }
        Axes(g, plot, right: true);
    }

    /// <summary>Before and after side by side for each comparison figure that has both, with the values over the bars.</summary>
    public static void Comparison(XGraphics g, XRect box, IReadOnlyList<RoiFigureDto> figures, RoiTexts t, RoiPdfFonts f)
    {
        g.DrawString(t.ComparisonChartTitle, f.Bold, XBrushes.Black, box.X, box.Y, XStringFormats.TopLeft);
        Legend(g, box, f, (RoiPdfFonts.Secondary, null, t.Before), (RoiPdfFonts.Primary, null, t.After));
        if (figures.Count == 0)
        {
            g.DrawString(t.None, f.Body, RoiPdfFonts.Muted, box.X, box.Y + 30, XStringFormats.TopLeft);
            return;
        }
        var plot = new XRect(box.X + 45, box.Y + 36, box.Width - 55, box.Height - 36 - 30);
        // Mixed units: bars are each after as an index of its before (= 100); the labels over the bars are the values.
        var values = figures.SelectMany(x => new[] { 100.0, (double)RoiTexts.AfterAsIndex(x) }).ToList();
        var top = NiceCeiling(Math.Max(0, values.Max()));
        var bottom = values.Min() < 0 ? -NiceCeiling(-values.Min()) : 0;
        double Y(double v) => plot.Bottom - plot.Height * (v - bottom) / (top - bottom);
        for (var k = 0; k <= Ticks; k++)
        {
            var v = bottom + (top - bottom) * k / Ticks;
            if (k > 0) g.DrawLine(RoiPdfFonts.Grid, plot.X, Y(v), plot.Right, Y(v));
            g.DrawString(Tick(v), f.Small, XBrushes.Black, new XRect(plot.X - 44, Y(v) - 4, 40, 9), XStringFormats.TopRight);
        }
        var slot = plot.Width / figures.Count;
        for (var i = 0; i < figures.Count; i++)
        {
            var x = plot.X + slot * i;
            Bar(g, f, RoiPdfFonts.Secondary, x + slot * 0.15, slot * 0.33, Y(0), Y(100), RoiTexts.Format(figures[i].Before, figures[i].Unit));
            Bar(g, f, RoiPdfFonts.Primary, x + slot * 0.52, slot * 0.33, Y(0), Y((double)RoiTexts.AfterAsIndex(figures[i])), RoiTexts.Format(figures[i].After, figures[i].Unit));
            var label = t.Name(figures[i]);
            g.DrawString(Fit(g, label, f.Small, slot - 4), f.Small, XBrushes.Black, new XRect(x, plot.Bottom + 4, slot, 9), XStringFormats.TopCenter);
        }
        g.DrawLine(RoiPdfFonts.Axis, plot.X, Y(0), plot.Right, Y(0));
        Axes(g, plot, right: false);
    }

    static void Bar(XGraphics g, RoiPdfFonts f, XBrush brush, double x, double width, double zeroY, double valueY, string label)
    {
        g.DrawRectangle(brush, x, Math.Min(zeroY, valueY), width, Math.Abs(zeroY - valueY));
        g.DrawString(label, f.Small, XBrushes.Black, new XRect(x - 20, Math.Min(zeroY, valueY) - 10, width + 40, 9), XStringFormats.TopCenter);
    }

    static void Polyline(XGraphics g, List<XPoint> points)
    {
        if (points.Count >= 2) g.DrawLines(RoiPdfFonts.AccentLine, [.. points]);
        foreach (var p in points) g.DrawEllipse(RoiPdfFonts.Accent, p.X - 2.2, p.Y - 2.2, 4.4, 4.4);
        points.Clear();
    }

    static void Axes(XGraphics g, XRect plot, bool right)
    {
        g.DrawLine(RoiPdfFonts.Axis, plot.X, plot.Y, plot.X, plot.Bottom);
        g.DrawLine(RoiPdfFonts.Axis, plot.X, plot.Bottom, plot.Right, plot.Bottom);
        if (right) g.DrawLine(RoiPdfFonts.Axis, plot.Right, plot.Y, plot.Right, plot.Bottom);
    }

    static void Legend(XGraphics g, XRect box, RoiPdfFonts f, params (XBrush? Fill, XPen? Line, string Text)[] items)
    {
        var x = box.X;
        var y = box.Y + 15;
        foreach (var (fill, line, text) in items)
        {
            if (fill is not null) g.DrawRectangle(fill, x, y + 1, 8, 6);
            if (line is not null) g.DrawLine(line, x - 2, y + 4, x + 10, y + 4);
            g.DrawString(text, f.Small, XBrushes.Black, x + 12, y, XStringFormats.TopLeft);
            x += 22 + g.MeasureString(text, f.Small).Width;
        }
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at or above the value, so four ticks land on round numbers.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var fraction = value / power;
        return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10);
    }

    static string Tick(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }
}
