using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.TestBase;
using Microsoft.Playwright;
using Shouldly;
using UglyToad.PdfPig;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>
/// Management's journey: after a claim went the whole way (approved, batched, released, paid from the statement), the demo
/// manager opens the ROI report, sees which baseline it compares against, opens a figure's formula and inputs, and
/// exports the report as PDF and xlsx.
/// </summary>
public class ManagementJourneyTests(PortalHost host) : IClassFixture<PortalHost>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Manager_OpensTheRoiReport_TracesAFigure_AndExportsIt()
    {
        await host.PaidClaimAsync("sales2", "sales.east", 1_888m, "上海客户拜访", "黄磊");

        using (var api = await host.SignInAsync("analyst"))
        {
            await DemoClaims.EventuallyAsync(async () =>
                (await api.GetFromJsonAsync<KpiReportDto>("/api/insights/kpis", Json))!.Total.ClaimsPaid == 1 ? "paid" : null, "the KPIs to see the payment", TimeSpan.FromSeconds(60));
        }

        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 1000 }, AcceptDownloads = true });
        var page = await host.SignInPageAsync(context, "analyst", "/insights/roi");
        await Assertions.Expect(page.Locator("[data-testid=roi-baseline-version]")).ToContainTextAsync("1");
        var errorRate = page.Locator("[data-testid=roi-figure][data-key=errorRate]");
        await errorRate.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=roi-formula]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=roi-input]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=roi-soft]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "management-roi-report.png"), FullPage = true });

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=roi-export-pdf]"));
        var pdfPath = Path.Combine(Path.GetTempPath(), $"roi-{Guid.NewGuid():N}.pdf");
        await pdf.SaveAsAsync(pdfPath);
        using (var document = PdfDocument.Open(pdfPath))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            text.ShouldContain("投资回报");
            text.ShouldContain("v1");
        }

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=roi-export-xlsx]"));
        var xlsxPath = Path.Combine(Path.GetTempPath(), $"roi-{Guid.NewGuid():N}.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        (await File.ReadAllBytesAsync(xlsxPath))[..2].ShouldBe("PK"u8.ToArray());
        xlsx.SuggestedFilename.ShouldEndWith("baseline-v1.xlsx");
        File.Delete(pdfPath);
        File.Delete(xlsxPath);
    }
}
