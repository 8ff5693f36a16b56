using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure.Recognition;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>
/// Crash safety of upload, proven by killing a real host process at the two dangerous moments: after the file is
/// stored but before its row commits, and after the commit but before recognition is queued.
/// </summary>
public class UploadCrashTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static async Task<HttpStatusCode?> UploadThroughAsync(HostProcess host, string login, byte[] bytes)
    {
        using var client = await host.SignInAsync(login);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", "crash.bin" } };
        try
        {
            return (await client.PostAsync("/api/expenses/receipts", form)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // the process died mid-request, as intended
        }
    }

    private async Task<long> CountAsync(string sql, params object[] args)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters.AddWithValue($"p{i}", args[i]);
        }

        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private string ObjectPath(string hash) => Path.Combine(app.ReceiptStoragePath, "objects", hash[..2], hash[2..4], hash);

    [Fact]
    public async Task KilledAfterStoringTheFile_LeavesNoRow_AndMaintenanceRemovesTheOrphan()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("orphan " + Guid.NewGuid());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await using (var host = await StartAsync("receipt-stored"))
        {
            (await UploadThroughAsync(host, "sales1", bytes)).ShouldBeNull();
            await host.Process.WaitForExitAsync();
            host.Process.ExitCode.ShouldNotBe(0);
        }

        (await CountAsync("SELECT count(*) FROM expenses.receipts WHERE content_hash = @p0", hash)).ShouldBe(0);
        File.Exists(ObjectPath(hash)).ShouldBeTrue(); // complete, under its hash, but nobody refers to it

        var (_, deletedTooEarly) = await RunMaintenanceAsync();
        deletedTooEarly.ShouldBe(0); // an upload in flight is never collected
        File.SetLastWriteTimeUtc(ObjectPath(hash), DateTime.UtcNow - ReceiptMaintenanceJob.OrphanGrace - TimeSpan.FromMinutes(1));
        var (_, deleted) = await RunMaintenanceAsync();

        deleted.ShouldBe(1);
        File.Exists(ObjectPath(hash)).ShouldBeFalse();
    }

    [Fact]
    public async Task KilledAfterCommitting_KeepsRowAndFile_AndMaintenanceQueuesRecognitionAgain()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("committed " + Guid.NewGuid());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await using (var host = await StartAsync("receipt-committed"))
        {
            (await UploadThroughAsync(host, "sales2", bytes)).ShouldBeNull();
            await host.Process.WaitForExitAsync();
        }

        (await CountAsync("SELECT count(*) FROM expenses.receipts WHERE content_hash = @p0 AND status = 'Pending'", hash)).ShouldBe(1);
        File.Exists(ObjectPath(hash)).ShouldBeTrue();
        File.SetLastWriteTimeUtc(ObjectPath(hash), DateTime.UtcNow.AddHours(-3));
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var age = new NpgsqlCommand("UPDATE expenses.receipts SET uploaded_at = uploaded_at - interval '1 hour' WHERE content_hash = @h", conn);
            age.Parameters.AddWithValue("h", hash);
            await age.ExecuteNonQueryAsync();
        }

        var jobsBefore = await CountAsync("SELECT count(*) FROM hangfire.job");
        var (requeued, deleted) = await RunMaintenanceAsync();

        requeued.ShouldBeGreaterThanOrEqualTo(1);
        deleted.ShouldBe(0); // the file has its row: never collected
        File.Exists(ObjectPath(hash)).ShouldBeTrue();
        (await CountAsync("SELECT count(*) FROM hangfire.job")).ShouldBe(jobsBefore + requeued);
        var receiptId = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ExpensesDbContext>().Receipts
            .Where(r => r.ContentHash == hash).Select(r => r.Id).SingleAsync();
        await app.RecognizeAsync(receiptId); // the queued job, run here: the receipt is read, not lost
        (await CountAsync("SELECT count(*) FROM expenses.receipts WHERE id = @p0 AND status <> 'Pending'", receiptId)).ShouldBe(1);
    }

    private Task<HostProcess> StartAsync(string fault) =>
        HostProcess.StartAsync(app.ConnectionString, app.ReceiptStoragePath, new Dictionary<string, string> { ["EXPENSEFLOW_FAULT"] = fault });

    private async Task<(int Requeued, int Deleted)> RunMaintenanceAsync()
    {
        (int, int) result = default;
        await app.WithScopeAsync(async sp => result = await sp.GetRequiredService<ReceiptMaintenanceJob>().RunAsync(CancellationToken.None));
        return result;
    }
}
