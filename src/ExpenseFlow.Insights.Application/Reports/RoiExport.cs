using ExpenseFlow.Insights.Contracts;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>
/// Renders the ROI report, exactly as the API returns it, to an Excel workbook (with native charts) or a PDF, in zh-CN or
/// en. Every figure is followed by its formula and inputs, soft metrics are kept apart and labelled as entered by
/// management, decimals show two places, ratios (<c>Unit</c> = <c>ratio</c>) show as percentages and missing values as "—".
/// </summary>
/// <remarks>
/// Both outputs take their dates from <see cref="RoiReportDto.GeneratedAt"/>, so the same report exports to the same
/// bytes. The PDF needs the TrueType CJK font of the Debian package <c>fonts-wqy-microhei</c>.
/// </remarks>
public static class RoiExport
{
    /// <summary>The workbook: the report sheet, the formulas-and-inputs sheet and a chart sheet with two native charts.</summary>
    public static byte[] ToXlsx(RoiReportDto report, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RoiXlsxWriter.Write(report, new RoiTexts(chinese, report));
    }

    /// <summary>The PDF: header, before/after and hard tables with formulas and inputs, soft metrics, and two drawn charts.</summary>
    public static byte[] ToPdf(RoiReportDto report, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RoiPdfWriter.Write(report, new RoiTexts(chinese, report));
    }
}
