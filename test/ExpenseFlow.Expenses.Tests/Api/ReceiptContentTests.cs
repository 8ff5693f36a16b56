using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

public class ReceiptContentTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    // Markup is what the engine reads as XML: a download, never a page of the portal's origin.
    [InlineData("photo.png", "image/png", "<html><script>alert(document.cookie)</script></html>", "application/xml", "attachment")]
    [InlineData("photo.jpg", "image/jpeg", "GIF89a not really anything", "application/octet-stream", "attachment")]
    [InlineData("invoice.pdf", "text/html", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "application/pdf", "attachment")]
    [InlineData("e-invoice.xml", "image/svg+xml", "<?xml version=\"1.0\"?><Invoice><No>1</No></Invoice>", "application/xml", "attachment")]
    public async Task Content_IsServedAsWhatTheBytesAre_NotAsTheUploaderClaimed(string name, string claimed, string text, string served, string disposition)
    {
        using var employee = await app.SignInAsync("sales4");
        var receipt = await UploadAsync(employee, name, claimed, Encoding.UTF8.GetBytes(text));

        var response = await employee.GetAsync($"/api/expenses/receipts/{receipt.Id}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(served);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe(disposition);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public async Task AnImage_IsShownInline_WithItsRealType_WhateverTheUploadSaid()
    {
        using var employee = await app.SignInAsync("sales4");
        var receipt = await UploadAsync(employee, "小票.png", "text/html", Png);

        var response = await employee.GetAsync($"/api/expenses/receipts/{receipt.Id}/content");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("小票.png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
    }

    private static async Task<ReceiptDto> UploadAsync(HttpClient client, string name, string claimedType, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(content, "files", name);
        var response = await client.PostAsync("/api/expenses/receipts", form);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<ReceiptDto>>())!.Single();
    }
}
