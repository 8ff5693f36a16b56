using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>The first journey: the demo administrator signs in, opens the people page and switches to English.</summary>
public class AdminJourneyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Admin_SignsIn_OpensPeople_SwitchesToEnglish()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await host.SignInPageAsync(context, "admin", "/organization/people");
        var rows = page.Locator("[data-testid=people-table] tr[data-testid=person-row]");
        await rows.First.WaitForAsync();
        (await rows.CountAsync()).ShouldBeGreaterThanOrEqualTo(10);
        (await page.Locator("[data-testid=people-table]").InnerTextAsync()).ShouldContain("系统管理员");
        var chineseHeading = await page.Locator("h1").First.InnerTextAsync();
        chineseHeading.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
        (await page.GetAttributeAsync("html", "lang")).ShouldStartWith("zh");

        await page.ClickAsync("[data-testid=lang-switch]");
        await page.WaitForFunctionAsync("() => document.documentElement.lang.startsWith('en')");
        var englishHeading = await page.Locator("h1").First.InnerTextAsync();
        englishHeading.ShouldNotBe(chineseHeading);
        englishHeading.ShouldMatch("^[A-Za-z ]+$");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "admin-people-en.png"), FullPage = true });

        // The choice is remembered: a reload keeps English.
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await rows.First.WaitForAsync();
        (await page.GetAttributeAsync("html", "lang")).ShouldStartWith("en");
    }
}
