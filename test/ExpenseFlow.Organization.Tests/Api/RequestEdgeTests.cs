using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExpenseFlow.TestBase;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

/// <summary>
/// The edge every endpoint shares (issue 23): each cause found by the hostile walk of the API, sent as the walk sent
/// it. Before the edge, each of these answered 500 or an empty 400; now each is a ProblemDetails with a code, naming
/// the field, and nothing is stored.
/// </summary>
public class RequestEdgeTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task NulInAnonymousLoginAndInASearch_IsRefusedAtTheEdge_NotByPostgres()
    {
        using var anonymous = app.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/organization/account/login", new { email = "hostile\u0000nul@demo.example", password = "x" });
        var body = await login.ShouldBeProblemAsync(400, "Request.InvalidInput");
        body.ShouldNameField("$.email");

        using var admin = await app.SignInAsync("admin");
        await (await admin.GetAsync("/api/organization/people?search=a%00b")).ShouldBeProblemAsync(400, "Request.InvalidInput");
    }

    [Fact]
    public async Task UnknownCharset_AndAWrongContentType_Answer415WithACode()
    {
        using var admin = await app.SignInAsync("admin");
        var unknown = new StringContent("""{"code":"G9","name":"x","rank":1}""", Encoding.UTF8);
        unknown.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=x");
        await (await admin.PostAsync("/api/organization/grades", unknown)).ShouldBeProblemAsync(415, "Request.UnsupportedMediaType");

        var text = new StringContent("""{"code":"G9","name":"x","rank":1}""", Encoding.UTF8, "text/plain");
        await (await admin.PostAsync("/api/organization/grades", text)).ShouldBeProblemAsync(415, "Request.UnsupportedMediaType");

        var wrongMethod = await admin.DeleteAsync("/api/organization/grades");
        await wrongMethod.ShouldBeProblemAsync(405, "Request.MethodNotAllowed");
        wrongMethod.Content.Headers.Allow.ShouldContain("POST");
        await (await admin.GetAsync("/api/organization/no-such-thing")).ShouldBeProblemAsync(404, "General.NotFound");
    }

    [Fact]
    public async Task PagesAndDatesOutOfBounds_AreRefused_InsteadOfOverflowing()
    {
        using var admin = await app.SignInAsync("admin");
        await (await admin.GetAsync("/api/organization/people?page=2147483647")).ShouldBeProblemAsync(400, "Request.InvalidInput");
        await (await admin.GetAsync("/api/approvals/inbox?page=2147483647")).ShouldBeProblemAsync(400, "Request.InvalidInput");
        await (await admin.GetAsync("/api/expenses/claims?page=0")).ShouldBeProblemAsync(400, "Request.InvalidInput");
        var far = await (await admin.GetAsync("/api/expenses/claims?to=9999-12-31")).ShouldBeProblemAsync(400, "Request.InvalidInput");
        far.ShouldNameField("to");
        await (await admin.GetAsync("/api/expenses/claims?from=2026-05-01&to=2026-04-01")).ShouldBeProblemAsync(400, "Request.InvalidInput");
        (await admin.GetAsync("/api/expenses/claims?from=2026-04-01&to=2026-05-01&page=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NullItemsAndNullLists_AreRefusedWithTheirPath_NotANullReference()
    {
        using var admin = await app.SignInAsync("admin");
        var lines = await admin.PostAsync("/api/expenses/claims", Json("""{"title":"t","legalEntityId":"00000000-0000-0000-0000-000000000001","lines":[null]}"""));
        var body = await lines.ShouldBeProblemAsync(400, "Request.InvalidInput");
        body.ShouldNameField("$.lines[0]");

        using var approver = await app.SignInAsync("sales.east");
        var tasks = await approver.PostAsync("/api/approvals/tasks/batch-approve", Json("""{"taskIds":null}"""));
        (await tasks.ShouldBeProblemAsync(400, "Request.InvalidInput")).ShouldNameField("$.taskIds");
    }

    [Fact]
    public async Task BindingFailures_AnswerACodeAndTheField_InTheCallersLanguage()
    {
        using var admin = await app.SignInAsync("admin");
        await (await admin.PostAsync("/api/organization/grades", Json("""{"code":"G9","name":"x","""))).ShouldBeProblemAsync(400, "Request.MalformedJson");
        var wrongType = await (await admin.PostAsync("/api/organization/grades", Json("""{"code":"G9","name":"x","rank":"high"}""")))
            .ShouldBeProblemAsync(400, "Request.MalformedJson");
        wrongType.ShouldNameField("$.rank");
        var date = await (await admin.PostAsync("/api/organization/delegations",
            Json("""{"toPersonId":"00000000-0000-0000-0000-000000000001","startDate":"2026-02-30","endDate":"2026-03-01"}""")))
            .ShouldBeProblemAsync(400, "Request.MalformedJson");
        date.ShouldNameField("$.startDate");
        await (await admin.GetAsync("/api/organization/people/not-a-guid/bank-accounts")).ShouldBeProblemAsync(404, "General.NotFound");
        await (await admin.GetAsync("/api/organization/people?page=abc")).ShouldBeProblemAsync(400, "Request.InvalidParameter");

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await (await admin.PostAsync("/api/organization/grades", Json("{"))).ShouldBeProblemAsync(400, "Request.MalformedJson");
        english.GetProperty("detail").GetString()!.ShouldContain("JSON");
    }

    [Fact]
    public async Task BrokenMultipartBodies_AreRefused_OnEveryUploadEndpoint()
    {
        using var admin = await app.SignInAsync("admin");
        using var finance = await app.SignInAsync("finance1");
        foreach (var (client, path) in new[] { (admin, "/api/expenses/receipts"), (admin, "/api/organization/people/import"), (finance, "/api/payments/statements"),
            (admin, "/api/insights/baselines/import-history") })
        {
            var truncated = new ByteArrayContent(Encoding.ASCII.GetBytes("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1."));
            truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b1");
            var answer = await client.PostAsync(path, truncated);
            await answer.ShouldBeProblemAsync(400, "Request.MalformedMultipart");

            var wrongBoundary = new ByteArrayContent(Encoding.ASCII.GetBytes("--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--other--\r\n"));
            wrongBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b1");
            await (await client.PostAsync(path, wrongBoundary)).ShouldBeProblemAsync(400, "Request.MalformedMultipart");
        }

        // HttpClient will not put a NUL into a header; a hostile client writes the part by hand.
        var nulName = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "--b2\r\nContent-Disposition: form-data; name=\"files\"; filename=\"receipt\u0000.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b2--\r\n"));
        nulName.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b2");
        (await (await admin.PostAsync("/api/expenses/receipts", nulName)).ShouldBeProblemAsync(400, "Request.InvalidInput")).ShouldNameField("files.fileName");
    }

    [Fact]
    public async Task CodesWithControlZeroWidthOrDirectionCharacters_AreRefused_AndNothingIsStored()
    {
        using var admin = await app.SignInAsync("admin");
        foreach (var code in new[] { "G\u202E9", "G\u200B9", "G 9", "G\u00019", new string('G', 33) })
        {
            var answer = await admin.PostAsJsonAsync("/api/organization/grades", new { code, name = "Hostile", rank = 9 });
            (await answer.ShouldBeProblemAsync(400, "Request.InvalidInput")).ShouldNameField("$.code");
        }

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from organization.grades where name = 'Hostile'", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task ValuesBeyondTheirColumn_AreRefusedByTheirDeclaration()
    {
        using var admin = await app.SignInAsync("admin");
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/expenses/policy/settings");
        var tooLong = JsonSerializer.Serialize(settings).Replace("\"CNY\"", "\"CNYX\"", StringComparison.Ordinal);
        await (await admin.PutAsync("/api/expenses/policy/settings", Json(tooLong))).ShouldBeProblemAsync(400, "Request.InvalidInput");
        await (await admin.PostAsJsonAsync("/api/organization/cost-centres", new { code = new string('C', 40), name = "x" }))
            .ShouldBeProblemAsync(400, "Request.InvalidInput");
        await (await admin.PutAsJsonAsync("/api/expenses/policy/exchange-rates", new { currency = "USD", rate = 1e20m, effectiveFrom = "2026-01-01" }))
            .ShouldBeProblemAsync(400, "Request.InvalidInput");
        await (await admin.PutAsJsonAsync("/api/expenses/policy/limits", new { category = "meals", perItem = 10.005m }))
            .ShouldBeProblemAsync(400, "Request.InvalidInput");
        (await admin.GetFromJsonAsync<JsonElement>("/api/expenses/policy/settings")).GetProperty("baseCurrency").GetString().ShouldBe("CNY");
    }

    [Fact]
    public async Task TextIsNormalised_AndPastedZeroWidthSpacesAreDropped()
    {
        using var admin = await app.SignInAsync("admin");
        var decomposed = "Cafe\u0301\u200B Team";
        var created = await admin.PostAsJsonAsync("/api/organization/cost-centres", new { code = "CC-NFC", name = decomposed });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Caf\u00e9 Team");
    }

    [Fact]
    public async Task HalfASurrogatePairInsideAJsonDocument_IsRefused_NotA500()
    {
        using var admin = await app.SignInAsync("admin");
        // A flow definition is kept as a JSON document; the reader refuses to decode an escaped lone surrogate.
        var answer = await admin.PostAsync("/api/approvals/flows/validate", Json(@"{""definition"":{""name"":""\ud800""}}"));
        (await answer.ShouldBeProblemAsync(400, "Request.InvalidInput")).ShouldNameField("$.definition.name");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

internal static class ProblemFields
{
    public static void ShouldNameField(this JsonElement problem, string field) =>
        (problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0)
            .ShouldBeTrue($"no error for {field} in {problem}");
}
