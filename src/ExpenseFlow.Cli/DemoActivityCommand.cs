using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ExpenseFlow.Cli;

/// <summary>
/// <c>demo-activity</c>: drives the demo company's people through the real API of a running host, so the KPIs and the ROI
/// report have events to read: employees submit claims, managers approve (some are returned and resubmitted), finance
/// reviews, one finance user builds a batch and the other releases it, and a bank statement for the batch marks the
/// claims paid. Every number the dashboard then shows comes from these events.
/// </summary>
internal static class DemoActivityCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (string Employee, string Manager, string Category, decimal Amount)[] Plan =
    [
        ("sales1", "sales.east", "travel", 1_280.50m), ("sales2", "sales.east", "meals", 356.00m), ("sales3", "sales.east", "local-transport", 88.40m),
        ("dev1", "rnd.lead", "travel", 2_450.00m), ("dev2", "rnd.lead", "office", 199.90m), ("dev3", "rnd.lead", "local-transport", 64.00m),
        ("dev4", "rnd.director", "meals", 420.00m), ("sales4", "sales.director", "travel", 3_860.00m),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var url = Option(args, "--url") ?? "http://127.0.0.1:5080";
        var password = Option(args, "--password") ?? Environment.GetEnvironmentVariable("EXPENSEFLOW_DEMO_PASSWORD");
        var rounds = int.TryParse(Option(args, "--rounds"), CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 50 ? r : 3;
        if (string.IsNullOrEmpty(password))
        {
            output.WriteLine("demo-activity needs the demo password: --password P or EXPENSEFLOW_DEMO_PASSWORD.");
            return 2;
        }

        var clients = new Dictionary<string, HttpClient>();
        async Task<HttpClient> As(string login)
        {
            if (!clients.TryGetValue(login, out var client))
            {
                client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
                var signIn = await client.PostAsJsonAsync("/api/organization/account/login", new { email = $"{login}@demo.expenseflow.local", password });
                if (!signIn.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{login} cannot sign in at {url}: {(int)signIn.StatusCode}");
                }

                clients[login] = client;
            }

            return client;
        }

        try
        {
            var entity = (await (await As("admin")).GetFromJsonAsync<JsonElement>("/api/organization/legal-entities", Json))[0];
            var legalEntity = (entity.GetProperty("id").GetGuid(), entity.GetProperty("name").GetString()!, entity.GetProperty("taxId").GetString()!);
            var submitted = new List<(Guid Id, string Number, string Employee, string Manager, decimal Amount)>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (employee, manager, category, amount) in Plan)
                {
                    var claim = await SubmitAsync(await As(employee), legalEntity, category, amount + round, $"{category} {DateTime.UtcNow:MM-dd} #{round + 1}");
                    submitted.Add((claim.Id, claim.Number, employee, manager, amount + round));
                }
            }

            output.WriteLine($"submitted {submitted.Count} claims");
            var approved = new List<(Guid Id, string Number, decimal Amount)>();
            for (var i = 0; i < submitted.Count; i++)
            {
                var (id, number, employee, manager, amount) = submitted[i];
                var approver = await As(manager);
                // Open the claim first, as an approver would (opened → decided is the measured approver time).
                var task = await TaskAsync(approver, id, $"{manager} ({number})");
                await approver.PostAsync($"/api/approvals/tasks/{task}/read", null);
                await approver.GetAsync($"/api/approvals/claims/{id}");
                if (i % 6 == 2)
                {
                    await DecideAsync(approver, task, "return", "请补充发票明细");
                    // The return reaches Expenses through the outbox; the employee corrects and resubmits once it shows.
                    await WaitForStatusAsync(await As(employee), id, "Returned");
                    await SubmitExistingAsync(await As(employee), id);

                    task = await TaskAsync(approver, id, $"{manager} ({number}, resubmitted)");
                }

                await DecideAsync(approver, task, "approve", "同意");
                var finance = await As("cfo");
                var review = await TaskAsync(finance, id, $"cfo ({number})");
                await finance.GetAsync($"/api/approvals/claims/{id}");
                await DecideAsync(finance, review, "approve", null);
                approved.Add((id, number, amount));
            }

            output.WriteLine($"approved {approved.Count} claims ({submitted.Count / 6} returned once and resubmitted)");
            var maker = await As("finance1");
            var payableIds = new List<Guid>();
            foreach (var (id, _, _) in approved)
            {
                payableIds.Add(await EventuallyAsync(async () =>
                {
                    var payables = await maker.GetFromJsonAsync<JsonElement>("/api/payments/payables", Json);
                    return payables.EnumerateArray().Where(p => p.GetProperty("claimId").GetGuid() == id).Select(p => (Guid?)p.GetProperty("id").GetGuid()).FirstOrDefault();
                }, "the payable"));
            }

            var built = await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity.Item1, currency = "CNY", payableIds });
            built.EnsureSuccessStatusCode();
            var batch = await built.Content.ReadFromJsonAsync<JsonElement>(Json);
            var batchId = batch.GetProperty("id").GetGuid();
            (await (await As("finance2")).PostAsync($"/api/payments/batches/{batchId}/release", null)).EnsureSuccessStatusCode();
            await maker.GetByteArrayAsync($"/api/payments/batches/{batchId}/files/pain.001.001.09");
            output.WriteLine($"batch {batch.GetProperty("number").GetString()} built by finance1, released by finance2, pain.001 generated");

            // The statement is for the paying legal entity's own account: Payments refuses any other account's statement.
            var statement = Camt053(batch, entity.GetProperty("bankAccountNumber").GetString() ?? throw new InvalidOperationException("The demo legal entity has no bank account number."));
            using var form = new MultipartFormDataContent { { new ByteArrayContent(statement), "file", $"camt053-{batch.GetProperty("number").GetString()}.xml" } };
            var imported = await maker.PostAsync("/api/payments/statements", form);
            imported.EnsureSuccessStatusCode();
            output.WriteLine($"statement imported: {await imported.Content.ReadAsStringAsync()}");
            return 0;
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static int _invoice = (int)(DateTime.UtcNow.Ticks % 90_000_000);

    private static async Task<(Guid Id, string Number)> SubmitAsync(HttpClient employee, (Guid Id, string Name, string TaxId) legalEntity, string category, decimal amount, string title)
    {
        var date = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The receipt is a scan the demo does not have; the employee types the invoice's fields by hand. Its bytes name
        // the invoice: the same file twice (two employees, one title) would be refused as a duplicate receipt.
        var number = (10_000_000 + Interlocked.Increment(ref _invoice) % 89_999_999).ToString(CultureInfo.InvariantCulture);
        using var form = new MultipartFormDataContent();
        var scan = new ByteArrayContent(Encoding.UTF8.GetBytes($"demo receipt {title} 031001900111-{number}"));
        scan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(scan, "files", "receipt.txt");
        var uploaded = await employee.PostAsync("/api/expenses/receipts", form);
        uploaded.EnsureSuccessStatusCode();
        var receipt = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(Json))[0].GetProperty("id").GetGuid();
        var invoice = new
        {
            invoiceCode = "031001900111", invoiceNumber = number,
            issueDate = date, totalAmount = amount, buyerName = legalEntity.Name, buyerTaxId = legalEntity.TaxId, sellerName = "示例商户",
        };
        var line = new { category, amount, currency = "CNY", expenseDate = date, description = title, receiptIds = new[] { receipt }, invoice };
        var created = await employee.PostAsJsonAsync("/api/expenses/claims", new { title, legalEntityId = legalEntity.Id, lines = new[] { line } });
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating a claim failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var claim = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        return await SubmitExistingAsync(employee, claim.GetProperty("id").GetGuid());
    }

    /// <summary>Checks the claim against the policy, justifies each warning as an employee would, and submits it.</summary>
    private static async Task<(Guid Id, string Number)> SubmitExistingAsync(HttpClient employee, Guid id)
    {
        var findings = await (await employee.PostAsync($"/api/expenses/claims/{id}/check", null)).Content.ReadFromJsonAsync<JsonElement>(Json);
        var justifications = findings.EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "Warn")
            .Select(f => new { rule = f.GetProperty("rule").GetString(), line = f.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : (int?)null, text = "客户拜访，已说明" })
            .ToList();
        var submitted = await employee.PostAsJsonAsync($"/api/expenses/claims/{id}/submit", new { justifications });
        if (!submitted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"submitting claim {id} failed: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        }

        return (id, (await submitted.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("number").GetString()!);
    }

    private static Task<Guid> TaskAsync(HttpClient approver, Guid claimId, string who) => EventuallyAsync(async () =>
    {
        var inbox = await approver.GetFromJsonAsync<JsonElement>("/api/approvals/inbox?pageSize=100", Json);
        return inbox.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("claimId").GetGuid() == claimId)
            .Select(t => (Guid?)t.GetProperty("taskId").GetGuid()).FirstOrDefault();
    }, $"{who}'s approval task of claim {claimId}");

    private static async Task DecideAsync(HttpClient approver, Guid task, string decision, string? comment)
    {
        var response = await approver.PostAsJsonAsync($"/api/approvals/tasks/{task}/decision", new { decision, comment });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"decision {decision} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static Task<Guid> WaitForStatusAsync(HttpClient employee, Guid claimId, string status) => EventuallyAsync(async () =>
        (await employee.GetFromJsonAsync<JsonElement>($"/api/expenses/claims/{claimId}", Json)).GetProperty("status").GetString() == status ? (Guid?)claimId : null, $"the claim to be {status}");

    private static async Task<Guid> EventuallyAsync(Func<Task<Guid?>> probe, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"waited 60 s for {what}");
    }

    /// <summary>The bank's camt.053.001.08 of <paramref name="account"/> for a released batch: one booked debit per line, quoting its EndToEndId.</summary>
    private static byte[] Camt053(JsonElement batch, string account)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>")
          .Append("<GrpHdr><MsgId>DEMO-").Append(batch.GetProperty("number").GetString()).Append("</MsgId><CreDtTm>").Append(today).Append("T18:00:00+08:00</CreDtTm></GrpHdr>")
          .Append("<Stmt><Id>DEMO-").Append(batch.GetProperty("number").GetString()).Append("</Id><CreDtTm>").Append(today).Append("T18:00:00+08:00</CreDtTm>")
          .Append("<Acct><Id><Othr><Id>").Append(account).Append("</Id></Othr></Id><Ccy>CNY</Ccy></Acct>");
        var n = 0;
        foreach (var line in batch.GetProperty("lines").EnumerateArray())
        {
            sb.Append("<Ntry><NtryRef>").Append(++n).Append("</NtryRef><Amt Ccy=\"CNY\">").Append(line.GetProperty("amount").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture))
              .Append("</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").Append(today).Append("</Dt></BookgDt>")
              .Append("<NtryDtls><TxDtls><Refs><EndToEndId>").Append(line.GetProperty("endToEndId").GetString()).Append("</EndToEndId></Refs>")
              .Append("<RltdPties><Cdtr><Pty><Nm>").Append(WebUtility.HtmlEncode(line.GetProperty("payeeName").GetString())).Append("</Nm></Pty></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>");
        }

        sb.Append("</Stmt></BkToCstmrStmt></Document>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
