using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExpenseFlow.Insights.Contracts;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>Where the chart sheet's two data tables sit (1-based rows), and the first row free for the charts.</summary>
internal sealed record XlsxChartLayout(string Sheet, uint TrendLast, uint CompareLast, uint FreeRow)
{
    public const uint FirstDataRow = 2;
    public const int Month = 0, Claims = 1, MedianDays = 2, ErrorRate = 3, TouchlessRate = 4, Figure = 6, Before = 7, After = 8, Unit = 9, BeforeIndex = 10, AfterIndex = 11;
}

/// <summary>Native Excel charts over the chart sheet's cells: a bar + line combo for the trend, bars for before/after.</summary>
internal static class RoiXlsxCharts
{
    const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>Writes the trend (A:E) and the comparable figures (G:L: values, unit, and the indexes the chart draws) side by side from row 1.</summary>
    public static XlsxChartLayout WriteData(XlsxSheet s, RoiReportDto r, RoiTexts t)
    {
        var compare = RoiTexts.Chartable(r);
        s.Row(Bold(t.Month), Bold(t.Claims), Bold(t.MedianCycleDays), Bold(t.ErrorRate), Bold(t.TouchlessRate), XCell.Empty,
            Bold(t.Figure), Bold(t.Before), Bold(t.After), Bold(t.Unit), Bold(t.BeforeIndex), Bold(t.AfterIndex));
        var rows = Math.Max(r.Trend.Count, compare.Count);
        for (var i = 0; i < rows; i++)
        {
            var cells = Enumerable.Repeat(XCell.Empty, 12).ToArray();
            if (i < r.Trend.Count)
            {
                var m = r.Trend[i];
                cells[XlsxChartLayout.Month] = XCell.Str(m.Month);
                cells[XlsxChartLayout.Claims] = XCell.ChartValue(m.Claims, XlsxStyles.Integer);
                cells[XlsxChartLayout.MedianDays] = XCell.ChartValue(Days(m.MedianCycleHours), XlsxStyles.Decimal);
                cells[XlsxChartLayout.ErrorRate] = XCell.ChartValue(ToDecimal(m.ErrorRate), XlsxStyles.Percent);
                cells[XlsxChartLayout.TouchlessRate] = XCell.ChartValue(ToDecimal(m.TouchlessRate), XlsxStyles.Percent);
            }
            if (i < compare.Count)
            {
                var f = compare[i];
                var style = RoiTexts.IsRatio(f.Unit) ? XlsxStyles.Percent : XlsxStyles.Decimal;
                cells[XlsxChartLayout.Figure] = XCell.Str(t.Name(f));
                cells[XlsxChartLayout.Before] = XCell.ChartValue(f.Before, style);
                cells[XlsxChartLayout.After] = XCell.ChartValue(f.After, style);
                cells[XlsxChartLayout.Unit] = XCell.Str(t.UnitText(f.Unit));
                cells[XlsxChartLayout.BeforeIndex] = XCell.ChartValue(100m, XlsxStyles.Decimal);
                cells[XlsxChartLayout.AfterIndex] = XCell.ChartValue(RoiTexts.AfterAsIndex(f), XlsxStyles.Decimal);
            }
            s.Row(cells);
        }
        var first = XlsxChartLayout.FirstDataRow;
        return new XlsxChartLayout(t.ChartsSheet, first - 1 + (uint)r.Trend.Count, first - 1 + (uint)compare.Count, (uint)rows + 3);
    }

    public static void AddCharts(WorksheetPart sheet, XlsxChartLayout layout, RoiReportDto r, RoiTexts t)
    {
        var anchors = new List<Xdr.TwoCellAnchor>();
        var drawings = sheet.AddNewPart<DrawingsPart>("rId1");
        var top = (int)layout.FreeRow - 1;
        if (layout.TrendLast >= XlsxChartLayout.FirstDataRow)
        {
            drawings.AddNewPart<ChartPart>("rId1").ChartSpace = TrendChart(layout, r, t);
            anchors.Add(Anchor("rId1", 2, t.TrendChartTitle, top));
            top += 20;
        }
        var compare = RoiTexts.Chartable(r);
        if (layout.CompareLast >= XlsxChartLayout.FirstDataRow)
        {
            drawings.AddNewPart<ChartPart>("rId2").ChartSpace = CompareChart(layout, compare, t);
            anchors.Add(Anchor("rId2", 3, t.ComparisonChartTitle, top));
        }
        var drawing = new Xdr.WorksheetDrawing(anchors);
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        drawings.WorksheetDrawing = drawing;
        sheet.Worksheet.Append(new Drawing { Id = "rId1" });
    }

    static C.ChartSpace TrendChart(XlsxChartLayout l, RoiReportDto r, RoiTexts t)
    {
        var months = r.Trend.Select(m => m.Month).ToList();
        var cat = Categories(l.Sheet, XlsxChartLayout.Month, l.TrendLast, months);
        var bars = new C.BarChartSeries(new C.Index { Val = 0 }, new C.Order { Val = 0 }, Name(l.Sheet, XlsxChartLayout.Claims, t.Claims),
            Fill("4472C4"), new C.InvertIfNegative { Val = false }, cat,
            Numbers(l.Sheet, XlsxChartLayout.Claims, l.TrendLast, r.Trend.Select(m => (decimal?)m.Claims).ToList()));
        var line = new C.LineChartSeries(new C.Index { Val = 1 }, new C.Order { Val = 1 }, Name(l.Sheet, XlsxChartLayout.MedianDays, t.MedianCycleDays),
            new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "ED7D31" })) { Width = 28575 }),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 6 }),
            Categories(l.Sheet, XlsxChartLayout.Month, l.TrendLast, months),
            Numbers(l.Sheet, XlsxChartLayout.MedianDays, l.TrendLast, r.Trend.Select(m => Days(m.MedianCycleHours)).ToList()),
            new C.Smooth { Val = false });
        // The line has its own value axis on the right: days and claim counts do not share a scale.
        return Space(t.TrendChartTitle, t, new C.PlotArea(new C.Layout(),
            Bars([bars], 1, 2),
            new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false }, line,
                new C.ShowMarker { Val = true }, new C.AxisId { Val = 3 }, new C.AxisId { Val = 4 }),
            CategoryAxis(1, 2, false), ValueAxis(2, 1, C.AxisPositionValues.Left, C.CrossesValues.AutoZero, t.Claims, t),
            CategoryAxis(3, 4, true), ValueAxis(4, 3, C.AxisPositionValues.Right, C.CrossesValues.Maximum, t.MedianCycleDays, t)));
    }

    static C.ChartSpace CompareChart(XlsxChartLayout l, IReadOnlyList<RoiFigureDto> figures, RoiTexts t)
    {
        var names = figures.Select(t.Name).ToList();
        C.BarChartSeries Series(uint index, int column, string title, Func<RoiFigureDto, decimal?> pick, string color) =>
            new(new C.Index { Val = index }, new C.Order { Val = index }, Name(l.Sheet, column, title), Fill(color),
                new C.InvertIfNegative { Val = false }, Categories(l.Sheet, XlsxChartLayout.Figure, l.CompareLast, names),
                Numbers(l.Sheet, column, l.CompareLast, figures.Select(pick).ToList()));
        return Space(t.ComparisonChartTitle, t, new C.PlotArea(new C.Layout(),
            Bars([Series(0, XlsxChartLayout.BeforeIndex, t.BeforeIndex, _ => 100m, "A5A5A5"),
                Series(1, XlsxChartLayout.AfterIndex, t.AfterIndex, f => RoiTexts.AfterAsIndex(f), "4472C4")], 1, 2),
            CategoryAxis(1, 2, false), ValueAxis(2, 1, C.AxisPositionValues.Left, C.CrossesValues.AutoZero, null, t)));
    }

    static C.BarChart Bars(IEnumerable<C.BarChartSeries> series, uint categoryAxis, uint valueAxis)
    {
        var chart = new C.BarChart(new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered }, new C.VaryColors { Val = false });
        chart.Append(series);
        chart.Append(new C.GapWidth { Val = 150 }, new C.AxisId { Val = categoryAxis }, new C.AxisId { Val = valueAxis });
        return chart;
    }

    static C.ChartSpace Space(string title, RoiTexts t, C.PlotArea plot)
    {
        var space = new C.ChartSpace(new C.Date1904 { Val = false }, new C.RoundedCorners { Val = false },
            new C.Chart(Title(title, t), new C.AutoTitleDeleted { Val = false }, plot,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        space.AddNamespaceDeclaration("c", ChartUri);
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    static C.Title Title(string text, RoiTexts t) => new(
        new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
            new A.Paragraph(new A.Run(new A.RunProperties { Language = t.Chinese ? "zh-CN" : "en-US" }, new A.Text(text))))),
        new C.Overlay { Val = false });

    static C.CategoryAxis CategoryAxis(uint id, uint crossing, bool hidden) => new(
        new C.AxisId { Val = id }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = hidden },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = crossing }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 });

    static C.ValueAxis ValueAxis(uint id, uint crossing, C.AxisPositionValues position, C.CrossesValues crosses, string? title, RoiTexts t)
    {
        var axis = new C.ValueAxis(new C.AxisId { Val = id }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false }, new C.AxisPosition { Val = position });
        if (position == C.AxisPositionValues.Left) axis.Append(new C.MajorGridlines());
        if (title is not null) axis.Append(Title(title, t));
        axis.Append(new C.NumberingFormat { FormatCode = "#,##0.##", SourceLinked = false }, new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = crossing }, new C.Crosses { Val = crosses }, new C.CrossBetween { Val = C.CrossBetweenValues.Between });
        return axis;
    }

    static C.SeriesText Name(string sheet, int column, string text) => new(new C.StringReference(
        new C.Formula($"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${XlsxSheet.Column(column)}$1"),
        new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(text)) { Index = 0 })));

    static C.CategoryAxisData Categories(string sheet, int column, uint last, List<string> labels)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)labels.Count });
        cache.Append(labels.Select((s, i) => new C.StringPoint(new C.NumericValue(s)) { Index = (uint)i }));
        return new C.CategoryAxisData(new C.StringReference(
            new C.Formula(XlsxSheet.Range(sheet, column, XlsxChartLayout.FirstDataRow, last)), cache));
    }

    static C.Values Numbers(string sheet, int column, uint last, List<decimal?> values)
    {
        // The cache mirrors the cells so a reader that does not recalculate still draws the chart; gaps stay gaps.
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
            if (values[i] is { } v)
                cache.Append(new C.NumericPoint(new C.NumericValue(v.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        return new C.Values(new C.NumberReference(new C.Formula(XlsxSheet.Range(sheet, column, XlsxChartLayout.FirstDataRow, last)), cache));
    }

    static C.ChartShapeProperties Fill(string rgb) => new(new A.SolidFill(new A.RgbColorModelHex { Val = rgb }));

    static Xdr.TwoCellAnchor Anchor(string chartId, uint shapeId, string name, int fromRow) => new(
        new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(Str(fromRow)), new Xdr.RowOffset("0")),
        new Xdr.ToMarker(new Xdr.ColumnId("10"), new Xdr.ColumnOffset("0"), new Xdr.RowId(Str(fromRow + 18)), new Xdr.RowOffset("0")),
        new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = shapeId, Name = name },
                new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = ChartUri })) { Macro = "" },
        new Xdr.ClientData());

    static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    static XCell Bold(string text) => XCell.Str(text, XlsxStyles.Bold);

    static decimal? Days(double? hours) => hours is { } h ? Math.Round((decimal)(h / 24), 4) : null;

    static decimal? ToDecimal(double? value) => value is { } v ? (decimal)v : null;
}
