using System.Text.Json;
using ExpenseFlow.Api.Tests.Walk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Api.Tests;

/// <summary>
/// The walk must not pass by asserting nothing: against a tiny Kestrel app with one endpoint that crashes on a NUL and
/// answers an empty 400 to an empty name, one that always answers coded ProblemDetails, the walker reports exactly the
/// crash (with the exception the app logged for that request) and the code-less refusal, and nothing on the coded one.
/// </summary>
public class WalkerSelfCheckTests
{
    private const string Document = """
        {"openapi":"3.1.1","paths":{
          "/api/check/items":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}},
          "/api/check/coded/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}},
                                                       {"name":"n","in":"query","schema":{"type":["integer","string"],"format":"int32"}}]}}},
         "components":{"schemas":{"Item":{"type":"object","properties":{"name":{"type":"string"},"count":{"type":["integer","string"],"format":"int32"}}}}}}
        """;

    [Fact]
    public async Task Walker_ReportsA500WithItsLoggedException_AndACodelessRefusal_AndNothingElse()
    {
        var log = new HostLog();
        await using var app = await StartAsync(log);
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var walker = new ApiWalker(baseAddress, log, new WalkOptions { Roles = ["selfcheck"], LogWait = TimeSpan.FromSeconds(2) });

        var result = await walker.RunAsync(ApiDescription.Parse(Document));

        result.Operations.Count.ShouldBe(2);
        result.Operations.ShouldAllBe(o => o.Requests >= 2);
        var crash = result.Findings.Where(f => f.Status == 500).ShouldHaveSingleItem();
        (crash.Operation, crash.Mutation).ShouldBe(("POST /api/check/items", "body $.name: NUL character"));
        crash.Exception.ShouldNotBeNull().ShouldContain("InvalidOperationException: self-check crash on a NUL");
        var codeless = result.Findings.Where(f => f.Status == 400).ShouldHaveSingleItem();
        (codeless.Mutation, codeless.Kind).ShouldBe(("body $.name: empty string", "not application/problem+json"));
        result.Findings.Count.ShouldBe(2, result.Report());
        result.Report().ShouldContain("self-check crash on a NUL");
    }

    [Theory]
    [InlineData(500, "application/problem+json", """{"code":"General.Unexpected"}""", "5xx")]
    [InlineData(400, null, "", "not application/problem+json")]
    [InlineData(400, "application/problem+json", """{"title":"no code"}""", "no code")]
    [InlineData(400, "application/problem+json", """{"code":""}""", "no code")]
    [InlineData(415, "application/problem+json", """{"code":42}""", "no code")]
    [InlineData(404, "application/problem+json", """{"code":"Expenses.ClaimNotFound"}""", null)]
    [InlineData(201, "application/json", "{}", null)]
    public void Violation_JudgesEachAnswerByTheIssuesRule(int status, string? mediaType, string body, string? expected) =>
        Finding.Violation(status, mediaType, body).ShouldBe(expected);

    private static async Task<WebApplication> StartAsync(HostLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        // Plays the host's Serilog: the exception and the request's completion, in compact JSON with the caller's trace id.
        app.Use(async (context, next) =>
        {
            var trace = context.Request.Headers["traceparent"].ToString().Split('-') is { Length: 4 } parts ? parts[1] : "none";
            // As the host's RequestSecurity does on every answer: what tells the app's refusals from Kestrel's own.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            try
            {
                await next(context);
            }
            catch (InvalidOperationException e)
            {
                log.Accept(JsonSerializer.Serialize(new Dictionary<string, string> { ["@t"] = "2026-01-01T00:00:00Z", ["@tr"] = trace, ["@x"] = e.ToString() }));
                context.Response.StatusCode = 500;
            }

            log.Accept(JsonSerializer.Serialize(new Dictionary<string, string> { ["@t"] = "2026-01-01T00:00:00Z", ["@tr"] = trace, ["SourceContext"] = "Serilog.AspNetCore.RequestLoggingMiddleware" }));
        });
        app.MapGet("/openapi/v1.json", () => Results.Text(Document, "application/json"));
        app.MapPost("/api/organization/account/login", (HttpContext c) =>
        {
            c.Response.Cookies.Append("walk", "1");
            return Results.Ok();
        });
        app.MapGet(WalkSession.MePath, (HttpContext c) => c.Request.Cookies.ContainsKey("walk") ? Results.Ok(new { userId = "self" }) : Results.Unauthorized());
        app.MapPost("/api/check/items", async (HttpContext c) =>
        {
            string name;
            try
            {
                // The raw JSON text of the value: a lone surrogate stays readable, a NUL is the escape \u0000.
                using var doc = await JsonDocument.ParseAsync(c.Request.Body);
                name = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetRawText() : "?";
            }
            catch (JsonException)
            {
                return Coded();
            }

            return name switch
            {
                "\"\"" => Results.BadRequest(),
                _ when name.Contains("\\u0000", StringComparison.Ordinal) => throw new InvalidOperationException("self-check crash on a NUL"),
                _ => Results.Created("/api/check/items/1", new { name }),
            };
        });
        app.MapFallback(() => Results.Problem(statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = "Check.NotFound" }));
        app.MapGet("/api/check/coded/{id}", (string id, string? n) => int.TryParse(n ?? "0", out _) && Guid.TryParse(id, out _) ? Results.Ok(new { id }) : Coded());
        await app.StartAsync();
        return app;
    }

    private static IResult Coded() => Results.Problem(statusCode: 400, extensions: new Dictionary<string, object?> { ["code"] = "Check.Invalid" });
}
