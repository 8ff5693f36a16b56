using System.Globalization;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.TestBase;
using Microsoft.Playwright;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>
/// The employee's journey: upload a photographed VAT invoice, see the fields the engine read, fix one, submit.
/// Recognition runs on the host's Hangfire workers, as in production.
/// </summary>
public class EmployeeClaimJourneyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Employee_UploadsInvoicePhoto_SeesFieldsPrefilled_FixesOne_AndSubmits()
    {
        var invoice = SampleInvoice.Ordinary with
        {
            Number = "7" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            Date = DateOnly.FromDateTime(DateTime.Today.AddDays(-3)),
            BuyerName = "上海示例科技有限公司",
            BuyerTaxId = "91310115MA1K4B2C3J",
        };
        var photo = Path.Combine(Path.GetTempPath(), $"invoice-{Guid.NewGuid():N}.jpg");
        using (var bitmap = InvoiceRenderer.Bitmap(invoice, 8f))
        {
            await File.WriteAllBytesAsync(photo, InvoiceRenderer.Encode(bitmap, SKEncodedImageFormat.Jpeg, 85));
        }

        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 1000 } });
        var page = await host.SignInPageAsync(context, "sales1", "/expenses/claims/new");

        await page.FillAsync("[data-testid=claim-title]", "杭州客户拜访餐费");
        await page.SetInputFilesAsync("input[data-testid=receipt-input]", photo);
        await page.Locator("[data-testid=receipt-card][data-status=Succeeded]").WaitForAsync(new() { Timeout = 90_000 });

        var line = page.Locator("[data-testid=claim-line]").First;
        await Assertions.Expect(line.Locator("input[name=invoiceNumber]")).ToHaveValueAsync(invoice.Number);
        await Assertions.Expect(line.Locator("input[name=totalAmount]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^1280\.50?$"));
        await Assertions.Expect(line.Locator("input[name=sellerName]")).ToHaveValueAsync(invoice.SellerName);
        await page.Locator("svg[data-testid=receipt-overlay] rect").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "employee-claim-prefilled.png"), FullPage = true });

        await line.Locator("input[name=sellerName]").FillAsync("杭州西溪餐饮管理有限公司（西溪店）");
        await page.ClickAsync("[data-testid=submit-claim]");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/expenses/claims/[0-9a-f-]{36}$"), PortalHost.UrlCommitted);
        // The approval starts in the background: the claim may already be in approval when the page shows it.
        await Assertions.Expect(page.Locator("[data-testid=status-chip]").First).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(Submitted|InApproval)$"));
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-type=Submitted]")).ToHaveCountAsync(1);
        (await page.Locator("body").InnerTextAsync()).ShouldContain("杭州西溪餐饮管理有限公司（西溪店）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalHost.ArtifactsDir, "employee-claim-submitted.png"), FullPage = true });
        File.Delete(photo);
    }
}
