using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.TestBase;
using Microsoft.Playwright;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>
/// Issue 15's portal journey: an employee photographs a 粘贴单 with a train ticket, a taxi receipt and a quota invoice
/// glued on it; the real engine on the host's workers finds the three documents; the editor gives three prefilled lines
/// with their boxes drawn on the photo; the travel policy's finding (the ticket is in someone else's name) shows inline.
/// On a phone, in Chinese.
/// </summary>
public class PastingSheetJourneyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Employee_UploadsASheetOfThree_GetsThreeLinesWithBoxes_AndTheTravelFindingInline()
    {
        var photo = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.jpg");
        using (var sheet = TicketRenderer.PastingSheet(8, 7, SampleTickets.TrainBeijing, SampleTickets.TaxiShanghai, SampleTickets.QuotaGuangdong))
        {
            await File.WriteAllBytesAsync(photo, TicketRenderer.Encode(sheet.Bitmap, SKEncodedImageFormat.Jpeg, 88));
        }

        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await host.SignInPageAsync(context, "sales1", "/expenses/claims/new");

        await page.FillAsync("[data-testid=claim-title]", "天津出差");
        await page.SetInputFilesAsync("input[data-testid=receipt-input]", photo);
        await page.Locator("[data-testid=receipt-card][data-status=Succeeded]").WaitForAsync(new() { Timeout = 90_000 });

        var lines = page.Locator("[data-testid=claim-line]");
        await Assertions.Expect(lines).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++) await Assertions.Expect(lines.Nth(i)).ToHaveAttributeAsync("data-document-index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(lines.Nth(0).Locator("input[name=amount]")).ToHaveValueAsync(new Regex(@"^66\.50?$"));
        await Assertions.Expect(lines.Nth(1).Locator("input[name=amount]")).ToHaveValueAsync(new Regex(@"^53\.40?$"));
        await Assertions.Expect(lines.Nth(2).Locator("input[name=amount]")).ToHaveValueAsync(new Regex(@"^50(\.00?)?$"));
        await Assertions.Expect(lines.Nth(0).Locator("[data-testid=line-travel]")).ToContainTextAsync("C2065");
        var boxes = page.Locator("g[data-testid=document-box]");
        await Assertions.Expect(boxes).ToHaveCountAsync(3);
        (await boxes.EvaluateAllAsync<string[]>("gs => gs.map(g => g.getAttribute('data-kind'))")).ShouldBe(["train-ticket", "taxi", "quota-invoice"]);

        // A quota invoice prints no date: the employee gives the line its day, the others came with theirs.
        await Assertions.Expect(lines.Nth(0).Locator("input[name=expenseDate]")).ToHaveValueAsync("2023-11-02");
        await Assertions.Expect(lines.Nth(2).Locator("input[name=expenseDate]")).ToHaveValueAsync("");
        await lines.Nth(2).Locator("input[name=expenseDate]").FillAsync("2023-11-02");
        await page.ClickAsync("[data-testid=check-claim]");
        var finding = lines.Nth(0).Locator("[data-testid=finding][data-rule=TravellerNotClaimant]");
        await Assertions.Expect(finding).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(finding).ToContainTextAsync("王芳");
        // The ticket is 一等座 and 杨帆 (grade G1) may claim 二等座: the 差标 finding sits at the same line.
        await Assertions.Expect(lines.Nth(0).Locator("[data-testid=finding][data-rule=TravelClass]")).ToContainTextAsync("一等座");
        await Assertions.Expect(lines.Nth(1).Locator("[data-testid=finding][data-rule=TravellerNotClaimant]")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        // The editor scrolls inside the shell: one picture of the sheet with its boxes, one of the finding at its line.
        await boxes.First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "employee-sheet-390-zh.png") });
        await finding.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "employee-sheet-finding-390-zh.png") });
        File.Delete(photo);
    }
}
