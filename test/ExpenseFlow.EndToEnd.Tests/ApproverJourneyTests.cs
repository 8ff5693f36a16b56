using System.Text.RegularExpressions;
using ExpenseFlow.TestBase;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>The approver's journey: the demo manager approves a claim from the inbox, and the employee sees it move on.</summary>
public class ApproverJourneyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Manager_ApprovesFromTheInbox_AndTheEmployeeSeesTheClaimMoveOn()
    {
        using var employee = await host.SignInAsync("sales1");
        var claim = await employee.SubmitClaimAsync(1_888m, "travel", "上海往返高铁票");
        // The approval starts in the background; the manager opens the inbox once the claim waits there.
        using (var api = await host.SignInAsync("sales.east"))
        {
            await api.TaskForAsync(claim.Id);
        }

        await using var managerContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 1000 } });
        var manager = await host.SignInPageAsync(managerContext, "sales.east", "/approvals/inbox");
        var row = manager.Locator($"tr[data-testid=inbox-row][data-claim-number='{claim.Number}']");
        await row.WaitForAsync(new() { Timeout = 30_000 });
        (await row.InnerTextAsync()).ShouldContain("杨帆");
        await manager.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "approver-inbox.png"), FullPage = true });
        await row.ClickAsync();

        await Assertions.Expect(manager.Locator("[data-testid=review-claim-number]")).ToContainTextAsync(claim.Number);
        await manager.FillAsync("textarea[data-testid=decision-comment]", "同意，行程单已核对");
        await manager.ClickAsync("[data-testid=decision-approve]");
        await manager.WaitForURLAsync(url => url.EndsWith("/approvals/inbox", StringComparison.Ordinal), PortalHost.UrlCommitted);
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await using var employeeContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 1000 } });
        var page = await host.SignInPageAsync(employeeContext, "sales1", $"/expenses/claims/{claim.Id}");
        var progress = page.Locator("[data-testid=claim-approval]");
        await Assertions.Expect(progress.Locator("[data-testid=approval-step][data-status=Approved]")).ToHaveCountAsync(1);
        await Assertions.Expect(progress.Locator("[data-testid=approval-step][data-status=Active]")).ToHaveCountAsync(1);
        await Assertions.Expect(progress).ToContainTextAsync("同意，行程单已核对");
        await Assertions.Expect(page.Locator("[data-testid=status-chip]").First).ToHaveAttributeAsync("data-status", "InApproval");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "employee-sees-approval.png"), FullPage = true });
    }
}
