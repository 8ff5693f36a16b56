using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure.Recognition;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>The folder store (Receipts:Store=FileSystem): objects are files named by their hash.</summary>
public class FolderUploadCrashTests(ExpenseFlowApp app) : UploadCrashTests(app), IClassFixture<ExpenseFlowApp>
{
    protected override string Store => "FileSystem";

    private string ObjectPath(string hash) => Path.Combine(App.ReceiptStoragePath, "objects", hash[..2], hash[2..4], hash);

    protected override Task<bool> ObjectExistsAsync(string hash) => Task.FromResult(File.Exists(ObjectPath(hash)));

    protected override Task AgeObjectAsync(string hash, TimeSpan age)
    {
        File.SetLastWriteTimeUtc(ObjectPath(hash), DateTime.UtcNow - age);
        return Task.CompletedTask;
    }
}

/// <summary>The database store (Receipts:Store=Database): objects are rows of expenses.receipt_blobs.</summary>
public class DatabaseUploadCrashTests(DatabaseStoreApp app) : UploadCrashTests(app), IClassFixture<DatabaseStoreApp>
{
    protected override string Store => "Database";

    protected override async Task<bool> ObjectExistsAsync(string hash) =>
        await CountAsync("SELECT count(*) FROM expenses.receipt_blobs WHERE sha256 = @p0", hash) == 1;

    protected override async Task AgeObjectAsync(string hash, TimeSpan age)
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("UPDATE expenses.receipt_blobs SET stored_at = now() - @age WHERE sha256 = @h", conn);
        cmd.Parameters.AddWithValue("age", age);
        cmd.Parameters.AddWithValue("h", hash);
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}

/// <summary>
/// Crash safety of upload, proven by killing a real host process at the two dangerous moments: after the file is
/// stored but before its row commits, and after the commit but before recognition is queued; for both stores.
/// </summary>
public abstract class UploadCrashTests(ExpenseFlowApp app)
{
    protected ExpenseFlowApp App => app;

    protected abstract string Store { get; }

    protected abstract Task<bool> ObjectExistsAsync(string hash);

    protected abstract Task AgeObjectAsync(string hash, TimeSpan age);

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

    protected async Task<long> CountAsync(string sql, params object[] args)
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
        (await ObjectExistsAsync(hash)).ShouldBeTrue(); // complete, under its hash, but nobody refers to it

        var (_, deletedTooEarly) = await RunMaintenanceAsync();
        deletedTooEarly.ShouldBe(0); // an upload in flight is never collected
        await AgeObjectAsync(hash, ReceiptMaintenanceJob.OrphanGrace + TimeSpan.FromMinutes(1));
        var (_, deleted) = await RunMaintenanceAsync();

        deleted.ShouldBe(1);
        (await ObjectExistsAsync(hash)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnOrphanStoredAgainByAnUploadInFlight_IsNotCollected()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("renewed " + Guid.NewGuid());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var storage = app.Services.GetRequiredService<IReceiptStorage>();
        await storage.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None); // an upload that never committed
        await AgeObjectAsync(hash, ReceiptMaintenanceJob.OrphanGrace + TimeSpan.FromMinutes(1));

        // The same bytes, uploaded again: stored, its row not committed yet when maintenance runs.
        (await storage.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None)).Hash.ShouldBe(hash);
        await RunMaintenanceAsync();

        (await ObjectExistsAsync(hash)).ShouldBeTrue("the upload in flight renewed the object");
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
        (await ObjectExistsAsync(hash)).ShouldBeTrue();
        await AgeObjectAsync(hash, TimeSpan.FromHours(3));
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
        (await ObjectExistsAsync(hash)).ShouldBeTrue();
        (await CountAsync("SELECT count(*) FROM hangfire.job")).ShouldBe(jobsBefore + requeued);
        var receiptId = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ExpensesDbContext>().Receipts
            .Where(r => r.ContentHash == hash).Select(r => r.Id).SingleAsync();
        await app.RecognizeAsync(receiptId); // the queued job, run here: the receipt is read, not lost
        (await CountAsync("SELECT count(*) FROM expenses.receipts WHERE id = @p0 AND status <> 'Pending'", receiptId)).ShouldBe(1);
    }

    private Task<HostProcess> StartAsync(string fault) =>
        HostProcess.StartAsync(app.ConnectionString, app.ReceiptStoragePath, new Dictionary<string, string> { ["EXPENSEFLOW_FAULT"] = fault, ["Receipts__Store"] = Store });

    private async Task<(int Requeued, int Deleted)> RunMaintenanceAsync()
    {
        (int, int) result = default;
        await app.WithScopeAsync(async sp => result = await sp.GetRequiredService<ReceiptMaintenanceJob>().RunAsync(CancellationToken.None));
        return result;
    }
}
