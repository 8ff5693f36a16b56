using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpenseFlow.Payments.Application.Templates;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.TestBase;
using ExpenseFlow.TestBase.Mutation;
using Xunit;
using Xunit.Abstractions;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 23: a bank template's profile is a client's JSON document stored as jsonb and read again for every file.
/// Seeded mutants of the seeded ICBC profile (settings dropped, wrong types, hostile texts with NUL and direction
/// overrides, 10,000-character values, extra settings) are saved through the real host: each is refused as
/// Payments.InvalidTemplate (or another coded problem), or saved and then read back and usable.
/// </summary>
[Trait("Category", "Mutation")]
public class BankTemplateMutationTests(ExpenseFlowApp app, ITestOutputHelper output) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task MutatedTemplateProfiles_AreRefusedWithACode_OrSavedAndReadBack()
    {
        var mutator = Mutator.FromEnvironment();
        var run = new MutationRun("bank templates", mutator);
        using var finance = await app.SignInAsync("finance1");
        var icbc = (await finance.GetFromJsonAsync<BankTemplateDto>("/api/payments/templates/icbc"))!;
        var n = 0;
        foreach (var (name, json) in TextMutants.Json(mutator, "icbc profile", icbc.Profile.GetRawText(), 90))
        {
            JsonNode? profile;
            try
            {
                profile = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                continue; // a malformed request body is the API edge's case, walked by the API test
            }

            var code = $"mut-{++n}";
            var response = await finance.PutAsJsonAsync($"/api/payments/templates/{code}", new JsonObject { ["name"] = "变异模板", ["profile"] = profile });
            if (await run.CheckAsync(name, response) is null)
            {
                continue;
            }

            var read = await finance.GetAsync($"/api/payments/templates/{code}");
            run.Expect((int)read.StatusCode == 200, name, $"the saved template reads back as {(int)read.StatusCode}");
            if ((int)read.StatusCode == 200)
            {
                var saved = (await read.Content.ReadFromJsonAsync<BankTemplateDto>())!;
                run.Expect(Usable(saved.Profile), name, "the saved profile is not usable for a file");
            }
        }

        output.WriteLine(run.Summary());
        output.WriteLine(string.Join(Environment.NewLine, run.Codes()));
        run.ShouldHaveNoFailures();
    }

    private static bool Usable(JsonElement profile)
    {
        try
        {
            BankTemplateProfile.FromJson(profile.GetRawText());
            return true;
        }
        catch (Exception ex) when (ex is JsonException or BuildingBlocks.Errors.DomainException)
        {
            return false;
        }
    }
}
