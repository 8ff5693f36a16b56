using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Payables;
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
        var claim = await host.ApprovedClaimAsync("sales2", "sales.east", 1_888m, "上海客户拜访");
        using (var maker = await host.SignInAsync("finance1"))
        using (var checker = await host.SignInAsync("finance2"))
        {
            var payable = await DemoClaims.EventuallyAsync(async () =>
                (await maker.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.FirstOrDefault(p => p.ClaimId == claim.Id), "the payable");
            var legalEntity = (await maker.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
            var batch = await (await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, payableIds = new[] { payable.Id } })).Content.ReadFromJsonAsync<JsonElement>();
            (await checker.PostAsync($"/api/payments/batches/{batch.GetProperty("id").GetGuid()}/release", null)).EnsureSuccessStatusCode();
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(DemoStatements.Camt053("E2E-ROI", new DemoStatements.Entry(1_888m, false, DateOnly.FromDateTime(DateTime.UtcNow), $"{claim.Number}-1", "黄磊", "ROI-1")));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            form.Add(file, "file", "stmt.xml");
            (await maker.PostAsync("/api/payments/statements", form)).EnsureSuccessStatusCode();
        }

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
