using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExpenseFlow.Payments.Application.Statements;
using Shouldly;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>Statement upload (the statements themselves are written by TestBase's DemoStatements).</summary>
internal static class Statements
{
    public static async Task<StatementImportDto> ImportAsync(this HttpClient finance, byte[] content, string fileName = "statement.xml")
    {
        var response = await finance.PostStatementAsync(content, fileName);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StatementImportDto>())!;
    }

    /// <summary>The upload as the portal sends it; <paramref name="csvProfile"/> makes it a CSV import, <paramref name="format"/> names another format.</summary>
    public static async Task<HttpResponseMessage> PostStatementAsync(this HttpClient finance, byte[] content, string fileName = "statement.xml", string? csvProfile = null, string? format = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (csvProfile is not null)
        {
            form.Add(new StringContent("csv"), "format");
            form.Add(new StringContent(csvProfile), "csvProfile");
        }
        else if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }

        return await finance.PostAsync("/api/payments/statements", form);
    }
}
