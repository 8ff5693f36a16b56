using System.Text;
using ExpenseFlow.Payments.Infrastructure;
using ExpenseFlow.TestBase;
using ExpenseFlow.TestBase.Mutation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 23, the statement uploads the attack answered with 500, through the real host: each is now a ProblemDetails
/// with its code, in the caller's language, and nothing of the file is stored.
/// </summary>
public class HostileStatementUploadTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    public static TheoryData<string, string, string> Files => new()
    {
        // ArgumentOutOfRangeException in the camt reader.
        { "camt date 2026-1-1", Camt(e => e.Replace("<Dt>2026-11-20</Dt>", "<Dt>2026-1-1</Dt>", StringComparison.Ordinal)), "Ntry[1]" },
        // OverflowException in the camt reader.
        { "camt amount 10^30", Camt(e => e.Replace(">12.50<", ">1000000000000000000000000000000<", StringComparison.Ordinal)), "Ntry[1]" },
        // numeric(18,2) overflow at the commit.
        { "camt amount 99999999999999999.99", Camt(e => e.Replace(">12.50<", ">99999999999999999.99<", StringComparison.Ordinal)), "Ntry[1]" },
        // varchar(3) overflow at the commit.
        { "camt currency of 300 characters", Camt(e => e.Replace("Ccy=\"CNY\">12.50", $"Ccy=\"{new string('C', 300)}\">12.50", StringComparison.Ordinal)), "Ntry[1]" },
        { "MT940 line cut after its date", $":20:H1\r\n:25:{DemoStatements.CompanyAccount}\r\n:28C:1/1\r\n:60F:C261120CNY100,00\r\n:61:261120\r\n-\r\n", "line 5" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task StatementThatCrashedTheImport_IsRefusedWithItsCodeAndWhereItBroke(string why, string file, string where)
    {
        using var en = await app.SignInAsync("finance1");
        using var zh = await app.SignInAsync("finance2", "zh-CN");
        var bytes = Encoding.UTF8.GetBytes(file);

        var english = await (await en.PostStatementAsync(bytes)).ProblemAsync(422, "Payments.BankFile.UnreadableStatement");
        var chinese = await (await zh.PostStatementAsync(bytes)).ProblemAsync(422, "Payments.BankFile.UnreadableStatement");

        english.GetProperty("detail").GetString()!.ShouldContain(where, Case.Sensitive, why);
        chinese.GetProperty("detail").GetString()!.ShouldContain("无法读取", Case.Sensitive, why);
        await NothingStoredAsync(bytes);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{"bookingDateColumn":"日期","amountColumn":"金额","encoding":"x-unknown"}""", "$.encoding")]
    [InlineData("""{"bookingDateColumn":"日期","amountColumn":"金额","delimiter":""}""", "$.delimiter")]
    public async Task CsvProfileThatCrashedTheImport_IsRefusedNamingTheSetting(string profile, string path)
    {
        using var finance = await app.SignInAsync("finance1");
        var bytes = Encoding.UTF8.GetBytes($"日期,金额\r\n2026-11-20,12.50\r\n{profile.Length}");

        var problem = await (await finance.PostStatementAsync(bytes, "s.csv", profile)).ProblemAsync(400, "Payments.BankFile.InvalidStatementProfile");

        problem.GetProperty("detail").GetString()!.ShouldContain($"at {path}");
        await NothingStoredAsync(bytes);
    }

    [Fact]
    public async Task StatementOf100Megabytes_IsRefusedAs413_WithoutBeingReadIntoMemory()
    {
        using var finance = await app.SignInAsync("finance1");
        var before = LargeUpload.WorkingSetMb();
        using var form = new MultipartFormDataContent { { LargeUpload.Of(100L * 1024 * 1024, (byte)'<'), "file", "huge.xml" } };

        await (await finance.PostAsync("/api/payments/statements", form)).ProblemAsync(413, "Payments.StatementTooLarge");

        (LargeUpload.WorkingSetMb() - before).ShouldBeLessThan(60, "the file stays in the form's temporary file, not in memory");
    }

    private async Task NothingStoredAsync(byte[] file)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<PaymentsDbContext>().StatementImports.AnyAsync(i => i.Sha256 == sha)).ShouldBeFalse());
    }

    private static string Camt(Func<string, string> edit) => edit(Encoding.UTF8.GetString(DemoStatements.Camt053("S-1", new DemoStatements.Entry(12.50m, false, Day, null, "张伟", "R1"))));
}
