using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExpenseFlow.BuildingBlocks.Text;
using ExpenseFlow.Insights.Application.Reports;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Insights.Tests.Reports;

/// <summary>Text people typed (who entered a survey score, where a baseline figure came from) reaches the ROI workbook as text, never as a formula.</summary>
public class RoiXlsxInjectionTests
{
    [Fact]
    public void Xlsx_TypedTextThatLooksLikeAFormula_IsQuoted()
    {
        var report = RoiExportTests.Report();
        var hard = report.Hard[0];
        report = report with
        {
            Hard = [hard with { Inputs = [hard.Inputs[0] with { Source = "=HYPERLINK(\"http://x\",\"a\")" }, .. hard.Inputs.Skip(1)] }, .. report.Hard.Skip(1)],
            Soft = [report.Soft[0] with { EnteredByName = "@SUM(1+1)" }, .. report.Soft.Skip(1)],
        };

        using var document = SpreadsheetDocument.Open(new MemoryStream(RoiExport.ToXlsx(report, chinese: false)), false);
        var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();

        strings.ShouldContain("'=HYPERLINK(\"http://x\",\"a\")");
        strings.ShouldContain(s => s.StartsWith("'@SUM(1+1) (", StringComparison.Ordinal));
        strings.Where(SpreadsheetText.IsFormulaLike).ShouldBeEmpty();
        document.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<CellFormula>()).ShouldBeEmpty();
    }
}
