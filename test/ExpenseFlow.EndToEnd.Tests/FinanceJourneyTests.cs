using System.Text.RegularExpressions;
using ExpenseFlow.TestBase;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>
/// Finance's journey: one demo finance user builds a batch from an approved claim, the other releases it and downloads
/// the bank file, then imports the bank's statement, which marks the claim Paid.
/// </summary>
public class FinanceJourneyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task FinanceUsers_BuildReleaseAndDownloadABatch_ThenTheStatementMarksTheClaimPaid()
    {
        var claim = await host.ApprovedClaimAsync("sales3", "sales.east", 2_345.60m, "北京客户拜访差旅");
        using (var api = await host.SignInAsync("finance1"))
        {
            await DemoClaims.EventuallyAsync(async () => (await api.GetStringAsync("/api/payments/payables")).Contains(claim.Number, StringComparison.Ordinal) ? "ok" : null, "the payable");
        }

        await using var makerContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 1000 } });
        var maker = await host.SignInPageAsync(makerContext, "finance1", "/payments/payables");
        var row = maker.Locator($"tr[data-testid=payable-row][data-claim-number='{claim.Number}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Open");
        await row.Locator("[data-testid=payable-select] input").CheckAsync();
        await maker.ClickAsync("[data-testid=build-batch]");
        await maker.WaitForURLAsync(new Regex(@"/payments/batches/[0-9a-f-]{36}$"), PortalHost.UrlCommitted);
        var batchUrl = new Uri(maker.Url).AbsolutePath;
        await Assertions.Expect(maker.Locator("[data-testid=batch-release]")).ToBeDisabledAsync();
        await Assertions.Expect(maker.Locator("[data-testid=maker-checker-note]")).ToBeVisibleAsync();

        await using var checkerContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 1000 }, AcceptDownloads = true });
        var checker = await host.SignInPageAsync(checkerContext, "finance2", batchUrl);
        await checker.ClickAsync("[data-testid=batch-release]");
        await Assertions.Expect(checker.Locator("[data-testid=batch-status]")).ToHaveAttributeAsync("data-status", "Released");
        var download = await checker.RunAndWaitForDownloadAsync(() => checker.ClickAsync("[data-testid=download-pain001-09]"));
        var path = Path.Combine(Path.GetTempPath(), $"pain-{Guid.NewGuid():N}.xml");
        await download.SaveAsAsync(path);
        var xml = await File.ReadAllTextAsync(path);
        xml.ShouldContain($"<EndToEndId>{claim.Number}-1</EndToEndId>");
        xml.ShouldContain("<CtrlSum>2345.60</CtrlSum>");
        await Assertions.Expect(checker.Locator("[data-testid=batch-file]")).ToHaveCountAsync(1);
        await checker.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "finance-batch-released.png"), FullPage = true });

        var statement = Path.Combine(Path.GetTempPath(), $"camt053-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(statement, DemoStatements.Camt053("E2E-STMT-1",
            new DemoStatements.Entry(2_345.60m, false, DateOnly.FromDateTime(DateTime.UtcNow), $"{claim.Number}-1", "周婷", "E2E-1")));
        await checker.GotoAsync(host.BaseUrl + "/payments/statements", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await checker.SetInputFilesAsync("input[data-testid=statement-input]", statement);
        await Assertions.Expect(checker.Locator("[data-testid=statement-result]")).ToHaveAttributeAsync("data-matched", "1");
        await checker.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "finance-statement-imported.png"), FullPage = true });

        using var employee = await host.SignInAsync("sales3");
        await employee.ClaimWhenAsync(claim.Id, "Paid");
        File.Delete(path);
        File.Delete(statement);
    }
}
