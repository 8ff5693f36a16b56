using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>A host whose receipts live in the database (Receipts:Store=Database), optionally over another host's database.</summary>
public class DatabaseStoreApp : ExpenseFlowApp
{
    private readonly string? _existing;

    public DatabaseStoreApp()
        : this(null)
    {
    }

    internal DatabaseStoreApp(string? existingDatabase) => _existing = existingDatabase;

    public const long MaxFileBytes = 2 * 1024 * 1024;

    protected override string ReceiptStore => "Database";

    protected override string? ExistingDatabase => _existing;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Receipts:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Scale-out: two host instances on one database, as behind the load balancer. Each has a receipt folder of its own
/// (as two machines have), so what one stored is readable on the other only through the database store.
/// </summary>
public class SharedReceiptStoreTests(DatabaseStoreApp first) : IClassFixture<DatabaseStoreApp>
{
    private const string EInvoiceXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019" Version="1.0">
          <fp:InvoiceCode>044031900111</fp:InvoiceCode><fp:InvoiceNo>{0}</fp:InvoiceNo>
          <fp:IssueDate>2026年10月30日</fp:IssueDate>
          <fp:Buyer><fp:BuyerName>上海示例科技有限公司</fp:BuyerName><fp:BuyerTaxID>91310115MA1K4B2C3J</fp:BuyerTaxID></fp:Buyer>
          <fp:Seller><fp:SellerName>深圳某某餐饮有限公司</fp:SellerName><fp:SellerTaxID>92330781MA2EDMFU50</fp:SellerTaxID></fp:Seller>
          <fp:TaxInclusiveTotalAmount>1280.50</fp:TaxInclusiveTotalAmount><fp:TaxTotalAmount>72.48</fp:TaxTotalAmount>
          <fp:TaxExclusiveTotalAmount>1208.02</fp:TaxExclusiveTotalAmount>
        </eInvoice>
        """;

    private static byte[] Invoice(string number) => Encoding.UTF8.GetBytes(EInvoiceXml.Replace("{0}", number, StringComparison.Ordinal));

    [Fact]
    public async Task ReceiptUploadedOnOneHost_IsServedAndRecognisedOnAnother()
    {
        await using var second = await SecondHostAsync();
        var bytes = Invoice("70" + Random.Shared.Next(100000, 999999));
        using var onFirst = await first.SignInAsync("sales1");
        using var onSecond = await second.SignInAsync("sales1");

        var uploaded = (await onFirst.UploadAsync(("发票.xml", bytes))).Single();

        (await onSecond.GetByteArrayAsync($"/api/expenses/receipts/{uploaded.Id}/content")).ShouldBe(bytes);
        await second.RecognizeAsync(uploaded.Id); // the recognition job on the other host reads the same bytes
        var receipt = await onFirst.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{uploaded.Id}");
        receipt!.Status.ShouldBe("Succeeded", receipt.Error);
        receipt.Proposed!.TotalAmount.ShouldBe(1280.50m);
        Directory.Exists(Path.Combine(first.ReceiptStoragePath, "objects")).ShouldBeFalse("nothing is written to a host's own disk");
        Directory.Exists(Path.Combine(second.ReceiptStoragePath, "objects")).ShouldBeFalse();
    }

    [Fact]
    public async Task TheSameBytesUploadedOnBothHosts_AreStoredOnce()
    {
        await using var second = await SecondHostAsync();
        var bytes = Invoice("71" + Random.Shared.Next(100000, 999999));
        using var onFirst = await first.SignInAsync("sales1");
        using var onSecond = await second.SignInAsync("sales2");

        var uploads = await Task.WhenAll(onFirst.UploadAsync(("a.xml", bytes)), onSecond.UploadAsync(("b.xml", bytes)));

        uploads.SelectMany(u => u).Select(r => r.Id).Distinct().Count().ShouldBe(2);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        (await ScalarAsync("SELECT count(*) FROM expenses.receipt_blobs WHERE sha256 = @h AND size = @s", ("h", hash), ("s", (long)bytes.Length))).ShouldBe(1L);
        (await ScalarAsync("SELECT count(*) FROM expenses.receipts WHERE content_hash = @h", ("h", hash))).ShouldBe(2L);
        // The bytes are shared; the receipt is still its owner's alone.
        (await onSecond.GetAsync($"/api/expenses/receipts/{uploads[0].Single().Id}/content")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFileOverTheLimit_IsRefused_AndLeavesNoBlob()
    {
        using var employee = await first.SignInAsync("sales1");
        var before = await ScalarAsync("SELECT count(*) FROM expenses.receipt_blobs");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[DatabaseStoreApp.MaxFileBytes + 1]), "files", "big.pdf" } };

        var response = await employee.PostAsync("/api/expenses/receipts", form);

        await response.ProblemAsync(400, "Expenses.FileTooLarge");
        (await ScalarAsync("SELECT count(*) FROM expenses.receipt_blobs")).ShouldBe(before);
    }

    /// <summary>A second host instance on the first one's database; disposing it stops it and removes its folder.</summary>
    private async Task<SecondHost> SecondHostAsync()
    {
        var app = new DatabaseStoreApp(first.ConnectionString);
        await ((IAsyncLifetime)app).InitializeAsync();
        return new SecondHost(app);
    }

    private sealed class SecondHost(DatabaseStoreApp app) : IAsyncDisposable
    {
        public string ReceiptStoragePath => app.ReceiptStoragePath;

        public Task<HttpClient> SignInAsync(string login) => app.SignInAsync(login);

        public Task RecognizeAsync(Guid receiptId) => app.RecognizeAsync(receiptId);

        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();
    }

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] args)
    {
        await using var conn = new NpgsqlConnection(first.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return await cmd.ExecuteScalarAsync();
    }
}
