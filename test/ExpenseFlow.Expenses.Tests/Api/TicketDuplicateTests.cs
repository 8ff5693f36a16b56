using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Recognition;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>
/// A ticket photographed twice is one ticket: two photos (different bytes, so the file check cannot see it) of generated
/// tickets through the real engine. A railway serial confirmed by the ticket's bottom code is claimed like an invoice
/// number; a serial unique only within its issuer (a bus ticket) is noted, and a match is a warning the approver sees.
/// </summary>
public class TicketDuplicateTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task TwoPhotosOfOneRailwayTicket_SubmittedAtOnce_ExactlyOneWins_AndACancelReleasesIt()
    {
        using var first = await app.SignInAsync("dev1");
        using var second = await app.SignInAsync("dev2");
        await TravelPolicyOffAsync();
        foreach (var ticket in new[] { SampleTickets.TrainWuhan, SampleTickets.TrainBeijing, SampleTickets.TrainGuangzhou })
        {
            var serial = ticket[FieldNames.SerialNumber];
            var a = await ClaimWithPhotoAsync(first, Photo(ticket, 8f, 85));
            var b = await ClaimWithPhotoAsync(second, Photo(ticket, 7f, 90));
            // The claim's readers (the employee, the approver) see each line's trip without opening the receipt.
            var line = (await first.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{a.Id}"))!.Lines.Single();
            line.Ticket.ShouldNotBeNull().Kind.ShouldBe("train-ticket");
            line.Ticket.Travel.TrainNumber.ShouldBe(ticket[FieldNames.Travel.TrainNumber]);
            line.Ticket.TravelDate.ShouldBe(DateOnly.Parse(ticket[FieldNames.TravelDate], System.Globalization.CultureInfo.InvariantCulture));

            var responses = await Task.WhenAll(SubmitJustifiedAsync(first, a.Id), SubmitJustifiedAsync(second, b.Id));

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, ticket.Name);
            var refused = await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(409, "Expenses.DuplicateInvoice");
            refused.GetProperty("detail").GetString()!.ShouldContain(serial);
            var key = $"T:train-ticket:{serial}";
            (await DbAsync(db => db.ClaimedInvoices.CountAsync(c => c.InvoiceKey == key))).ShouldBe(1);

            // Cancelled, the ticket is free for the other claim.
            var (winner, winnerClaim, loser, loserClaim) = responses[0].StatusCode == HttpStatusCode.OK ? (first, a, second, b) : (second, b, first, a);
            (await winner.PostAsJsonAsync($"/api/expenses/claims/{winnerClaim.Id}/cancel", new { reason = "重复" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await SubmitJustifiedAsync(loser, loserClaim.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await DbAsync(db => db.ClaimedInvoices.Where(c => c.InvoiceKey == key).Select(c => c.ClaimId).SingleAsync())).ShouldBe(loserClaim.Id);
        }
    }

    [Fact]
    public async Task ABusTicketPhotographedTwice_IsAWarningToJustify_NotARefusal()
    {
        using var first = await app.SignInAsync("sales1");
        using var second = await app.SignInAsync("sales2");
        await TravelPolicyOffAsync();
        var ticket = SampleTickets.BusNanjing;
        var a = await ClaimWithPhotoAsync(first, Photo(ticket, 8f, 85));
        (await SubmitJustifiedAsync(first, a.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DbAsync(db => db.NotedIdentities.CountAsync(n => n.ClaimId == a.Id && n.IdentityKey == "T:bus-ship-ticket:0083125"))).ShouldBe(1);
        (await DbAsync(db => db.ClaimedInvoices.CountAsync(c => c.ClaimId == a.Id))).ShouldBe(0, "a bus company's serial is not unique nationwide");

        var b = await ClaimWithPhotoAsync(second, Photo(ticket, 7f, 90));
        var findings = (await (await second.PostAsync($"/api/expenses/claims/{b.Id}/check", null)).Content.ReadFromJsonAsync<List<PolicyFindingDto>>())!;
        var possible = findings.Where(f => f.Rule == "PossibleDuplicate").ShouldHaveSingleItem();
        possible.Severity.ShouldBe("Warn");
        possible.Message.ShouldContain("0083125");
        await (await second.SubmitAsync(b.Id)).ProblemAsync(422, "Expenses.JustificationRequired");

        var submitted = await SubmitJustifiedAsync(second, b.Id);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await submitted.Content.ReadFromJsonAsync<ClaimDto>())!.Findings.ShouldContain(f => f.Rule == "PossibleDuplicate" && f.Justification != null);

        // A cancelled claim no longer holds what it noted.
        (await first.PostAsJsonAsync($"/api/expenses/claims/{a.Id}/cancel", new { reason = "撤回" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DbAsync(db => db.NotedIdentities.CountAsync(n => n.ClaimId == a.Id))).ShouldBe(0);
    }

    private static (string Name, byte[] Bytes) Photo(SampleTicket ticket, float pxPerMm, int quality)
    {
        using var bitmap = TicketRenderer.Bitmap(ticket, pxPerMm);
        return ($"{ticket.Name}.jpg", TicketRenderer.Encode(bitmap, SKEncodedImageFormat.Jpeg, quality));
    }

    private async Task<ClaimDto> ClaimWithPhotoAsync(HttpClient employee, (string Name, byte[] Bytes) photo)
    {
        var receipt = (await employee.UploadAsync(photo)).Single();
        await app.RecognizeAsync(receipt.Id);
        var proposed = (await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{receipt.Id}"))!;
        proposed.Status.ShouldBe("Succeeded", proposed.Error);
        // The line as the portal fills it, with nothing typed in the invoice fields: the serial is never a typed field.
        return await employee.CreateClaimAsync("出差", ExpensesApi.Line("travel", proposed.Proposed!.TotalAmount ?? 10m, null, [receipt.Id],
            (proposed.Proposed.IssueDate ?? new DateOnly(2026, 11, 1)).ToString("yyyy-MM-dd")));
    }

    /// <summary>Submits with a justification for every warning the check reports (old tickets are outside the date window).</summary>
    private static async Task<HttpResponseMessage> SubmitJustifiedAsync(HttpClient employee, Guid claimId)
    {
        var findings = (await (await employee.PostAsync($"/api/expenses/claims/{claimId}/check", null)).Content.ReadFromJsonAsync<List<PolicyFindingDto>>())!;
        var justifications = findings.Where(f => f.Severity == "Warn").Select(f => new { rule = f.Rule, line = f.Line, text = "已核对" }).ToArray();
        return await employee.SubmitAsync(claimId, body: new { justifications });
    }

    private async Task TravelPolicyOffAsync()
    {
        using var admin = await app.SignInAsync("admin");
        var settings = (await admin.GetFromJsonAsync<Dictionary<string, object>>("/api/expenses/policy/settings"))!;
        settings["travelPolicy"] = "Off";
        (await admin.PutAsJsonAsync("/api/expenses/policy/settings", settings)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<T> DbAsync<T>(Func<ExpensesDbContext, Task<T>> query)
    {
        T result = default!;
        await app.WithScopeAsync(async sp => result = await query(sp.GetRequiredService<ExpensesDbContext>()));
        return result;
    }
}
