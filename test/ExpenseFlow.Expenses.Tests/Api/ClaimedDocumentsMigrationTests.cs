using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>Rows claimed under the old keys keep blocking the same invoice after the migration to canonical keys.</summary>
public class ClaimedDocumentsMigrationTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private const string Initial = "20261125094905_Initial";

    [Fact]
    public async Task TheKeyFunctionInSql_AgreesWithInvoiceIdentity()
    {
        string?[] codes = [null, "", "031001900111", "31001900111", "3100233130", "O31001900111", "０３１００１９００１１１", "12345", "87594058", "ABC", "发票"];
        string?[] numbers =
        [
            null, "", "87594058", "087594058", "８７５９４０５８", "8759 4058", "NO87594058", "8759405O", "03100190011187594058", "031001900111",
            "26312000000012345678", "0026312000000012345678", "E052946", "Ｅ０５２９４６", "0000", "123456789012345678901", "123456789012345678901234567890123", "发票1",
        ];
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand(ClaimedDocumentsSql.KeyFunctions, conn))
        {
            await create.ExecuteNonQueryAsync();
        }

        foreach (var code in codes)
        {
            foreach (var number in numbers)
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_temp.ef_invoice_key(@c, @n)", conn);
                cmd.Parameters.AddWithValue("c", (object?)code ?? DBNull.Value);
                cmd.Parameters.AddWithValue("n", (object?)number ?? DBNull.Value);
                var sql = await cmd.ExecuteScalarAsync() as string;
                sql.ShouldBe(InvoiceIdentity.Read(code, number).Key, $"code '{code}', number '{number}'");
            }
        }
    }

    [Fact]
    public async Task RowsUnderTheOldKeys_AreReKeyed_TwoThatMeetAreBothKept_AndTheyStillBlock()
    {
        using var owner = await app.SignInAsync("dev1");
        using var other = await app.SignInAsync("dev2");
        var xml = DuplicateInvoiceTests.EInvoiceXml("031001900111", "72000001");
        var live = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, owner, ("发票.xml", xml));
        (await owner.SubmitAsync(live.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await owner.ClaimWhenAsync(live.Id, "InApproval");

        await MigrateAsync(Initial);
        var t0 = DateTimeOffset.UtcNow.AddDays(-30);
        Guid earlier = Guid.NewGuid(), later = Guid.NewGuid();
        await ExecuteAsync("UPDATE expenses.claimed_invoices SET invoice_key = 'C:031001900111:72000001' WHERE claim_id = @c", ("c", live.Id));
        foreach (var (key, line, at) in new[]
        {
            ("C:031001900111:71000001", earlier, t0), ("C:031001900111:071000001", later, t0.AddDays(1)), // one invoice, claimed twice
            ("N:71000002", Guid.NewGuid(), t0), ("N:1000003", Guid.NewGuid(), t0), ("N:26312000000071000003", Guid.NewGuid(), t0),
            ("C:0310019OO111:71000004", Guid.NewGuid(), t0), ("C:发票:71000005", Guid.NewGuid(), t0), ("C:031001900111:E1234", Guid.NewGuid(), t0),
        })
        {
            await ExecuteAsync("INSERT INTO expenses.claimed_invoices (invoice_key, claim_id, line_id, claimed_at) VALUES (@k, @c, @l, @t)",
                ("k", key), ("c", Guid.NewGuid()), ("l", line), ("t", at));
        }

        await MigrateAsync(null);

        var keys = await QueryAsync(db => db.ClaimedInvoices.Select(c => c.InvoiceKey).ToListAsync());
        keys.ShouldBe(
        [
            "I:03100190011172000001", "I:03100190011171000001", $"I:03100190011171000001#{later}", "N:71000002", "N:01000003", "I:26312000000071000003",
            "I:03100190011171000004", "C:发票:71000005", "S:E1234",
        ], ignoreOrder: true);
        // The live claim's file was claimed by the backfill; running the re-key again changes nothing.
        (await QueryAsync(db => db.ClaimedReceiptFiles.Where(f => f.ClaimId == live.Id).CountAsync())).ShouldBe(1);
        await ExecuteAsync(ClaimedDocumentsSql.KeyFunctions + ClaimedDocumentsSql.RekeyClaimedInvoices + ClaimedDocumentsSql.DropKeyFunctions);
        (await QueryAsync(db => db.ClaimedInvoices.Select(c => c.InvoiceKey).ToListAsync())).ShouldBe(keys, ignoreOrder: true);

        // What was claimed before still blocks the same invoice, typed any way, and the same file.
        foreach (var (code, number) in new (string?, string)[] { ("31001900111", "072000001"), (null, "71000002"), ("031001900111", "71000004") })
        {
            var again = await other.CreateClaimAsync("迁移后", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice(number, code)));
            await (await other.SubmitAsync(again.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice");
        }

        var sameFile = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, other, ("副本.xml", xml));
        await (await other.SubmitAsync(sameFile.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice");
        // …and the release trigger is back: cancelling frees both.
        (await owner.PostAsJsonAsync($"/api/expenses/claims/{live.Id}/cancel", new { reason = "迁移测试" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.SubmitAsync(sameFile.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task MigrateAsync(string? target) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ExpensesDbContext>().GetService<IMigrator>().MigrateAsync(target));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<T> QueryAsync<T>(Func<ExpensesDbContext, Task<T>> query)
    {
        T result = default!;
        await app.WithScopeAsync(async sp => result = await query(sp.GetRequiredService<ExpensesDbContext>()));
        return result;
    }
}
