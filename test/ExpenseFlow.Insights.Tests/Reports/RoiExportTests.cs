using System.Globalization;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ExpenseFlow.Insights.Application.Reports;
using ExpenseFlow.Insights.Contracts;
using Shouldly;
using UglyToad.PdfPig;
using Xunit;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ExpenseFlow.Insights.Tests.Reports;

public class RoiExportTests
{
    const string SoftEn = "Employee satisfaction";

    internal static RoiReportDto Report() => new(
        From: "2026-01", To: "2026-03", Months: 3, Currency: "CNY", BaselineVersion: 3,
        BaselineId: Guid.Parse("7d3f0c3e-1111-4a4a-9b9b-0123456789ab"), BaselineName: "Pilot baseline",
        Comparison:
        [
            new("cycleDays", "Cycle time", "报销周期", 7.5m, 2.25m, null, "days", "median(paid − submitted) ÷ 24", "中位数(付款 − 提交) ÷ 24",
                [new("medianCycleHours", "Median cycle hours", "中位周期小时数", 54m, "h", "measured", "event log")]),
            new("errorRate", "Error rate", "差错率", 0.19m, 0.125m, null, "ratio", "claims returned ÷ claims", "退回单数 ÷ 报销单数",
                [new("returned", "Claims returned", "退回单数", 15m, "claims", "measured", null),
                 new("claims", "Claims submitted", "提交单数", 120m, "claims", "measured", null)]),
            new("costPerClaim", "Cost per claim", "单据处理成本", 58m, null, null, "currency", "processing cost ÷ claims", "处理成本 ÷ 单数", []),
        ],
        Hard:
        [
            new("hoursSaved", "Hours saved", "节省工时", null, null, 1234.5m, "h", "(baseline minutes − measured minutes) × claims ÷ 60",
                "(基线分钟 − 实测分钟) × 单数 ÷ 60",
                [new("baselineMinutes", "Baseline minutes per claim", "基线每单分钟", 20m, "min/claim", "baseline", "GBTA Foundation 2015"),
                 new("measuredMinutes", "Measured minutes per claim", "实测每单分钟", 5.5m, "min/claim", "measured", "event log"),
                 new("claims", "Claims", "单数", 5106m, "claims", "measured", null)]),
            new("roi", "Return on investment", "投资回报率", null, null, 2.4567m, "ratio", "(annual savings − running cost) ÷ running cost",
                "(年节省 − 运行成本) ÷ 运行成本", [new("runningCost", "Annual running cost", "年运行成本", 30000m, "currency/year", "baseline", null)]),
            new("paybackMonths", "Payback period", "回收期", null, null, null, "months", "running cost ÷ monthly savings", "运行成本 ÷ 月节省", []),
        ],
        Soft:
        [
            new("satisfaction", SoftEn, "员工满意度", 3.1m, 4.4m, "1-5", Guid.NewGuid(), "Wang Fang", new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero)),
            new("financeSpeed", "Finance response speed", "财务响应速度", 2.8m, null, "1-5", null, null, null),
        ],
        Trend: [new("2026-01", 120, 96, 0.2, 0.1), new("2026-02", 140, 72, 0.15, 0.3), new("2026-03", 160, null, 0.1, 0.5)],
        GeneratedAt: new DateTimeOffset(2026, 4, 1, 8, 30, 0, TimeSpan.Zero),
        Warnings: ["not-measured:measuredMinutes", "3 rows without paidAt were skipped"]);

    // ---- xlsx ----

    [Fact]
    public void Xlsx_HasReportFormulasAndChartSheets_NamedInTheChosenLanguage()
    {
        using var en = Open(RoiExport.ToXlsx(Report(), chinese: false));
        using var zh = Open(RoiExport.ToXlsx(Report(), chinese: true));

        SheetNames(en).ShouldBe(["ROI", "Formulas", "Charts"]);
        SheetNames(zh).ShouldBe(["投资回报", "公式与输入", "图表"]);
        Cells(zh, "投资回报")["A1"].ShouldBe("报销流程投资回报报告");
        Cells(zh, "投资回报")["B3"].ShouldBe("基线 v3 Pilot baseline");
    }

    [Fact]
    public void Xlsx_ReportSheet_HasHeaderComparisonValuesAndFormulas()
    {
        using var doc = Open(RoiExport.ToXlsx(Report(), chinese: false));
        var cells = Cells(doc, "ROI");

        cells["A1"].ShouldBe("Expense reimbursement ROI report");
        cells["B2"].ShouldBe("2026-01 – 2026-03 (3 months)");
        cells["B3"].ShouldBe("Baseline v3 Pilot baseline");
        cells["B4"].ShouldBe("CNY");
        cells["B5"].ShouldBe("2026-04-01 08:30 UTC");
        cells["B6"].ShouldBe("Measured minutes per claim could not be measured in this period; the baseline estimate is used.");
        cells["B7"].ShouldBe("3 rows without paidAt were skipped");
        var error = RowOf(cells, "Error rate");
        cells[$"B{error}"].ShouldBe("0.19");
        cells[$"C{error}"].ShouldBe("0.125");
        cells[$"D{error}"].ShouldBe("%");
        cells[$"E{error}"].ShouldBe("claims returned ÷ claims");
        cells[$"F{error}"].ShouldBe("errorRate");
        cells[$"D{RowOf(cells, "Hours saved")}"].ShouldBe("hours");
        NumberFormat(doc, "ROI", $"C{error}").ShouldBe("0.0#%");
        NumberFormat(doc, "ROI", $"B{RowOf(cells, "Cycle time")}").ShouldBe("#,##0.00");
    }

    [Fact]
    public void Xlsx_MissingValues_AreWrittenAsDash()
    {
        using var doc = Open(RoiExport.ToXlsx(Report(), chinese: false));
        var cells = Cells(doc, "ROI");

        cells[$"B{RowOf(cells, "Cost per claim")}"].ShouldBe("58");
        cells[$"C{RowOf(cells, "Cost per claim")}"].ShouldBe("—");
        cells[$"B{RowOf(cells, "Payback period")}"].ShouldBe("—");
        cells[$"C{RowOf(cells, "Finance response speed")}"].ShouldBe("—");
    }

    [Fact]
    public void Xlsx_FormulasSheet_HasOneRowPerInput_KeyedByFigure()
    {
        using var doc = Open(RoiExport.ToXlsx(Report(), chinese: false));
        var cells = Cells(doc, "Formulas");

        var rows = RowsWhere(cells, "A", "hoursSaved");
        rows.Count.ShouldBe(3);
        var baseline = rows.Single(r => cells[$"D{r}"] == "baselineMinutes");
        cells[$"B{baseline}"].ShouldBe("Hours saved");
        cells[$"C{baseline}"].ShouldBe("(baseline minutes − measured minutes) × claims ÷ 60");
        cells[$"E{baseline}"].ShouldBe("Baseline minutes per claim");
        cells[$"F{baseline}"].ShouldBe("20");
        cells[$"G{baseline}"].ShouldBe("min / claim");
        cells[$"H{baseline}"].ShouldBe("baseline");
        cells[$"I{baseline}"].ShouldBe("GBTA Foundation 2015");
        RowsWhere(cells, "A", "errorRate").Count.ShouldBe(2);
        cells[$"E{RowsWhere(cells, "A", "paybackMonths").Single()}"].ShouldBe("(none)");
    }

    [Fact]
    public void Xlsx_SoftMetrics_AreInTheirOwnSection_NotInTheHardTable()
    {
        using var doc = Open(RoiExport.ToXlsx(Report(), chinese: false));
        var cells = Cells(doc, "ROI");

        var hard = RowOf(cells, "Hard metrics (computed from events and the baseline)");
        var soft = RowOf(cells, "Soft metrics (entered by management)");
        var satisfaction = RowOf(cells, SoftEn);
        hard.ShouldBeLessThan(soft);
        satisfaction.ShouldBeGreaterThan(soft);
        RowOf(cells, "Hours saved").ShouldBeInRange(hard + 1, soft - 1);
        cells[$"B{satisfaction}"].ShouldBe("3.1");
        cells[$"E{satisfaction}"].ShouldBe("Wang Fang (entered by management)");
    }

    [Fact]
    public void Xlsx_TrendChart_HasBarAndLineSeries_OverTheTrendCells()
    {
        using var doc = Open(RoiExport.ToXlsx(Report(), chinese: false));
        var sheet = SheetPart(doc, "Charts");
        var cells = Cells(doc, "Charts");
        var charts = sheet.DrawingsPart!.ChartParts.Select(p => p.ChartSpace).ToList();

        charts.Count.ShouldBe(2);
        var trend = charts.Single(c => c.Descendants<C.LineChart>().Any());
        var bar = trend.Descendants<C.BarChart>().Single().Elements<C.BarChartSeries>().Single();
        var line = trend.Descendants<C.LineChart>().Single().Elements<C.LineChartSeries>().Single();
        bar.GetFirstChild<C.Values>()!.InnerText.ShouldStartWith("'Charts'!$B$2:$B$4");
        bar.GetFirstChild<C.CategoryAxisData>()!.InnerText.ShouldStartWith("'Charts'!$A$2:$A$4");
        line.GetFirstChild<C.Values>()!.InnerText.ShouldStartWith("'Charts'!$C$2:$C$4");
        (cells["A2"], cells["B2"], cells["C2"]).ShouldBe(("2026-01", "120", "4"));
        cells["C3"].ShouldBe("3");
        cells.ContainsKey("C4").ShouldBeFalse("a month without a median is a gap in the line, not a zero");
    }

    [Fact]
    public void Xlsx_BeforeAfterChart_DrawsOnlyFiguresWithBothValues()
    {
        using var doc = Open(RoiExport.ToXlsx(Report(), chinese: false));
        var cells = Cells(doc, "Charts");
        var compare = SheetPart(doc, "Charts").DrawingsPart!.ChartParts.Select(p => p.ChartSpace)
            .Single(c => !c.Descendants<C.LineChart>().Any());

        var series = compare.Descendants<C.BarChartSeries>().ToList();
        series.Count.ShouldBe(2);
        // Days and ratios do not share an axis: the bars are each after as an index of its before (= 100).
        series[0].GetFirstChild<C.Values>()!.InnerText.ShouldStartWith("'Charts'!$K$2:$K$3");
        series[1].GetFirstChild<C.Values>()!.InnerText.ShouldStartWith("'Charts'!$L$2:$L$3");
        (cells["G2"], cells["G3"]).ShouldBe(("Cycle time", "Error rate"));
        (cells["H2"], cells["I2"], cells["H3"], cells["I3"]).ShouldBe(("7.5", "2.25", "0.19", "0.125"), "the values stay beside the indexes");
        (decimal.Parse(cells["K2"], CultureInfo.InvariantCulture), decimal.Parse(cells["L2"], CultureInfo.InvariantCulture)).ShouldBe((100m, 30m));
        decimal.Parse(cells["L3"], CultureInfo.InvariantCulture).ShouldBe(65.8m, "0.125 ÷ 0.19 × 100, to one decimal");
        cells.ContainsKey("G4").ShouldBeFalse("cost per claim has no after value");
    }

    [Fact]
    public void Xlsx_IsValidOpenXml_AndRepeatsByteForByte()
    {
        var first = RoiExport.ToXlsx(Report(), chinese: true);
        using var doc = Open(first);

        new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        Digest(RoiExport.ToXlsx(Report(), chinese: true)).ShouldBe(Digest(first));
    }

    // ---- PDF ----

    [Fact]
    public void Pdf_English_ShowsHeaderFiguresFormattedValuesAndInputs()
    {
        var text = PdfText(RoiExport.ToPdf(Report(), chinese: false));

        text.ShouldContain("Expense reimbursement ROI report");
        text.ShouldContain("Baseline v3 Pilot baseline");
        text.ShouldContain("Period: 2026-01 – 2026-03 (3 months)");
        text.ShouldContain("Warning: Measured minutes per claim could not be measured in this period");
        text.ShouldContain("Warning: 3 rows without paidAt were skipped");
        text.ShouldContain("Hours saved");
        text.ShouldContain("1,234.50");
        text.ShouldContain("12.5%");
        text.ShouldContain("19.0%");
        text.ShouldContain("245.67%");
        text.ShouldContain("Formula: (baseline minutes − measured minutes) × claims ÷ 60");
        text.ShouldContain("• Baseline minutes per claim = 20.00 min / claim (baseline; GBTA Foundation 2015)");
        text.ShouldContain("• Annual running cost = 30,000.00 CNY / year (baseline)");
        text.ShouldContain("Soft metrics (entered by management)");
    }

    [Fact]
    public void Pdf_Chinese_ShowsChineseTitleNamesAndSoftLabel()
    {
        var text = PdfText(RoiExport.ToPdf(Report(), chinese: true));

        text.ShouldContain("报销流程投资回报报告");
        text.ShouldContain("基线 v3 Pilot baseline");
        text.ShouldContain("节省工时");
        text.ShouldContain("1,234.50");
        text.ShouldContain("12.5%");
        text.ShouldContain("公式：(基线分钟 − 实测分钟) × 单数 ÷ 60");
        text.ShouldContain("软性指标（管理层录入）");
        text.ShouldContain("员工满意度");
        text.ShouldContain("警告：本期间无法实测实测每单分钟，改用基线估算值。");
        text.ShouldContain("• 年运行成本 = 30,000.00 CNY/年 (基线)");
    }

    [Fact]
    public void Pdf_MissingValues_PrintAsDash()
    {
        using var pdf = PdfDocument.Open(RoiExport.ToPdf(Report(), chinese: false));
        var words = pdf.GetPages().SelectMany(p => p.GetWords().Select(w => (Page: p.Number, Word: w))).ToList();

        string LineOf(string first)
        {
            var start = words.First(w => w.Word.Text == first && w.Word.BoundingBox.Left < 45);
            return string.Join(' ', words.Where(w => w.Page == start.Page && Math.Abs(w.Word.BoundingBox.Bottom - start.Word.BoundingBox.Bottom) < 1)
                .OrderBy(w => w.Word.BoundingBox.Left).Select(w => w.Word.Text));
        }

        LineOf("Payback").ShouldBe("Payback period — months");
        LineOf("Cost").ShouldBe("Cost per claim 58.00 — CNY");
    }

    [Fact]
    public void Pdf_SoftMetrics_ComeAfterTheHardTable_InTheirOwnSection()
    {
        var text = PdfText(RoiExport.ToPdf(Report(), chinese: false));

        var hard = text.IndexOf("Hard metrics", StringComparison.Ordinal);
        var soft = text.IndexOf("Soft metrics (entered by management)", StringComparison.Ordinal);
        hard.ShouldBeGreaterThan(0);
        soft.ShouldBeGreaterThan(hard);
        text[hard..soft].ShouldNotContain(SoftEn);
        text.IndexOf(SoftEn, StringComparison.Ordinal).ShouldBeGreaterThan(soft);
        text.ShouldContain("entered by management, 2026-03-30 09:00 UTC");
    }

    [Fact]
    public void Pdf_DrawsTheTrendAndComparisonCharts()
    {
        using var pdf = PdfDocument.Open(RoiExport.ToPdf(Report(), chinese: false));
        var page = pdf.GetPages().Single(p => p.Text.Contains("Monthly trend: claims and median cycle time", StringComparison.Ordinal));

        foreach (var label in new[] { "2026-01", "2026-02", "2026-03", "Median cycle time (days)", "Before vs after (before = 100", "200", "100", "2.25", "7.5" })
            page.Text.ShouldContain(label);
        var blue = page.Paths.Count(p => p.IsFilled && p.FillColor?.ToRGBValues() is var (r, g, b) && Near(r, 68) && Near(g, 114) && Near(b, 196));
        blue.ShouldBeGreaterThanOrEqualTo(3 + 2, "three monthly bars and two after bars");
        page.Paths.Count(p => p.IsStroked && !p.IsFilled).ShouldBeGreaterThan(10, "axes, grid lines and the cycle-time line");
    }

    [Fact]
    public void Pdf_EmbedsTheCjkFont_AndRepeatsByteForByte()
    {
        var first = RoiExport.ToPdf(Report(), chinese: true);
        using var pdf = PdfDocument.Open(first);

        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        fonts.Count.ShouldBe(1, "one embedded subset serves Chinese and Latin text");
        fonts[0].ShouldEndWith("+WenQuanYi Micro Hei");
        Digest(RoiExport.ToPdf(Report(), chinese: true)).ShouldBe(Digest(first));
    }

    static string Digest(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    static bool Near(double channel, int expected) => Math.Abs(channel * 255 - expected) < 1.5;

    static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    static List<string> SheetNames(SpreadsheetDocument doc) =>
        doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    static WorksheetPart SheetPart(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>Every written cell of a sheet by reference, shared strings resolved.</summary>
    static Dictionary<string, string> Cells(SpreadsheetDocument doc, string sheet)
    {
        var strings = doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        return SheetPart(doc, sheet).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue!.Text);
    }

    static string NumberFormat(SpreadsheetDocument doc, string sheet, string reference)
    {
        var cell = SheetPart(doc, sheet).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId! == format.NumberFormatId!).FormatCode!;
    }

    static int RowOf(Dictionary<string, string> cells, string firstColumn) => RowsWhere(cells, "A", firstColumn).Single();

    static List<int> RowsWhere(Dictionary<string, string> cells, string column, string value) =>
        cells.Where(c => c.Key.StartsWith(column, StringComparison.Ordinal) && char.IsDigit(c.Key[column.Length]) && c.Value == value)
            .Select(c => int.Parse(c.Key[column.Length..])).Order().ToList();
}
