using ExpenseFlow.TestBase;
using ExpenseFlow.TestBase.Mutation;
using Xunit;
using Xunit.Abstractions;

namespace ExpenseFlow.Insights.Tests.Api;

/// <summary>
/// Issue 23: seeded mutants of a claim-history CSV (bit flips, cuts, hostile dates and flags, wrong delimiters and
/// encodings, open quotes, very long lines, NUL) imported as a baseline through the real host. No answer is a 5xx, a
/// refusal is ProblemDetails with a code, and a known-good history still imports after each batch. The seed is printed.
/// </summary>
[Trait("Category", "Mutation")]
public class HistoryImportMutationTests(ExpenseFlowApp app, ITestOutputHelper output) : IClassFixture<ExpenseFlowApp>
{
    private const string Csv = "claimNumber,submittedAt,approvedAt,paidAt,returned\r\nH-1,2025-01-05,2025-01-07,2025-01-10,false\r\n" +
                               "H-2,2025-02-20T09:30:00+08:00,2025-02-25,2025-03-01,true\r\nH-3,2025-03-02,,,是\r\n";

    [Fact]
    public async Task MutatedHistoryCsv_IsMeasuredOrRefusedWithACode()
    {
        var mutator = Mutator.FromEnvironment();
        var run = new MutationRun("history import", mutator);
        using var admin = await app.SignInAsync("admin");
        foreach (var batch in ((IEnumerable<Mutant>)[.. mutator.Bytes("history.csv", Mutator.Utf8(Csv), 24), .. TextMutants.Lines(mutator, "history.csv", Csv, [','], 48)]).Chunk(24))
        {
            foreach (var mutant in batch)
            {
                await run.CheckAsync(mutant.Name, await admin.PostAsync("/api/insights/baselines/import-history", Form(mutant.Bytes, "history.csv")));
            }

            var good = await admin.PostAsync("/api/insights/baselines/import-history", Form(Mutator.Utf8(Csv), "good.csv"));
            run.Expect((int)good.StatusCode == 201, $"known-good history after {run.Count} mutants", $"answered {(int)good.StatusCode}: {await good.Content.ReadAsStringAsync()}");
        }

        // The file's name is shown in the baseline: one with a NUL or a direction override is stored without them.
        await run.CheckAsync("file name with NUL and RLO", await admin.PostAsync("/api/insights/baselines/import-history", Form(Mutator.Utf8(Csv), "hist\0ory\u202Evsc.csv")));
        output.WriteLine(run.Summary());
        output.WriteLine(string.Join(Environment.NewLine, run.Codes()));
        run.ShouldHaveNoFailures();
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName) =>
        new() { { new ByteArrayContent(bytes), "file", fileName } };
}
