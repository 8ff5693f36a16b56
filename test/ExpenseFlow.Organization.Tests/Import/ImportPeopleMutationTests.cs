using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using ExpenseFlow.TestBase.Mutation;
using Xunit;
using Xunit.Abstractions;

namespace ExpenseFlow.Organization.Tests.Import;

/// <summary>
/// Issue 23: seeded mutants of an employee CSV (bit flips, cuts, hostile cells, wrong delimiters and encodings, quotes
/// left open, 100,000-character lines, NUL) imported through the real host by an administrator. No answer is a 5xx, a
/// refusal is ProblemDetails with a code, a report accounts for every row, and a known-good file still imports after
/// each batch. The seed is printed.
/// </summary>
[Trait("Category", "Mutation")]
public class ImportPeopleMutationTests(ExpenseFlowApp app, ITestOutputHelper output) : IClassFixture<ExpenseFlowApp>
{
    private const string Header = "employeeNo,displayName,email,phone,departmentCode,gradeCode,managerEmployeeNo,costCentreCode,roles,bankName,bankAccountNumber,bankAccountName,cnapsCode";
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static int _good;

    [Fact]
    public async Task MutatedEmployeeCsv_IsImportedRowByRowOrRefusedWithACode()
    {
        var mutator = Mutator.FromEnvironment();
        var run = new MutationRun("people import", mutator);
        using var admin = await app.SignInAsync("admin");
        var csv = string.Join("\r\n", Header,
            "M100,孙一,sun1@mutation.cn,13800000001,SALES-E,G1,M101,CC-SALES,Employee,招商银行,6225880011112222,孙一,308290003020",
            "M101,孙二,sun2@mutation.cn,,SALES-E,G3,E0006,CC-SALES,Employee;Approver,,,,",
            "M102,\"孙, 三\",sun3@mutation.cn,,RND,G1,,,Employee,,,,");

        foreach (var batch in ((IEnumerable<Mutant>)[.. mutator.Bytes("people.csv", Mutator.Utf8(csv), 30), .. TextMutants.Lines(mutator, "people.csv", csv, [','], 60)]).Chunk(30))
        {
            foreach (var mutant in batch)
            {
                var response = await admin.PostAsync("/api/organization/people/import", Csv(mutant.Bytes));
                if (await run.CheckAsync(mutant.Name, response) is { } body)
                {
                    var report = body.Deserialize<ImportReport>(Web)!;
                    run.Expect(report.Created + report.Updated + report.Rejected == report.Rows.Count, mutant.Name, $"report counts {report.Created}+{report.Updated}+{report.Rejected} for {report.Rows.Count} rows");
                }
            }

            var number = $"G{Interlocked.Increment(ref _good):D4}";
            var good = await admin.PostAsync("/api/organization/people/import", Csv(Mutator.Utf8($"{Header}\r\n{number},周{number},{number.ToLowerInvariant()}@good.cn,,RND,G1,,,Employee,,,,")));
            var created = (int)good.StatusCode == 200 ? (await good.Content.ReadFromJsonAsync<ImportReport>())!.Created : -1;
            run.Expect(created == 1, $"known-good {number} after {run.Count} mutants", $"answered {(int)good.StatusCode}, created {created}");
        }

        output.WriteLine(run.Summary());
        output.WriteLine(string.Join(Environment.NewLine, run.Codes()));
        run.ShouldHaveNoFailures();
    }

    private static MultipartFormDataContent Csv(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("text/csv");
        content.Add(file, "file", "people.csv");
        return content;
    }
}
