using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>
/// 差标 on a real railway ticket (../shared/data/cn-tickets-dev, passenger 林玺, 二等座, 2019-03-10) claimed by 刘芳
/// (sales.east, grade G3): the findings appear on check, follow the claim's trip and travellers and the grade's rule.
/// </summary>
public class TravelPolicyApiTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [SharedDataFact("cn-tickets-dev")]
    public async Task RailwayTicket_TravellerTripAndSeatClass_CheckedFromTheTicketsFields()
    {
        var path = ExpensesApi.SharedData("cn-tickets-dev", "SodaShikenn_LSTM_GCN", "imgs", "train", "34908612.jpeg");
        using var employee = await app.SignInAsync("sales.east");
        using var admin = await app.SignInAsync("admin");
        var ticket = (await employee.UploadAsync(("火车票.jpg", await File.ReadAllBytesAsync(path)))).Single();
        await app.RecognizeAsync(ticket.Id);
        var entity = await employee.LegalEntityAsync();
        var line = new { category = "travel", amount = 41.0m, currency = "CNY", expenseDate = "2019-03-10", receiptIds = new[] { ticket.Id } };

        async Task<List<string>> TravelFindings(Guid claimId) =>
            (await (await employee.PostAsync($"/api/expenses/claims/{claimId}/check", null)).Content.ReadFromJsonAsync<List<PolicyFindingDto>>())!
            .Where(f => f.Rule is "TravelClass" or "TravellerNotClaimant" or "TicketOutsideTrip").Select(f => $"{f.Rule}:{f.Severity}").Order().ToList();

        var created = await employee.PostAsJsonAsync("/api/expenses/claims", new { title = "武汉出差", legalEntityId = entity, lines = new[] { line }, tripStart = "2019-03-11", tripEnd = "2019-03-12" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var claim = (await created.Content.ReadFromJsonAsync<ClaimDto>())!;
        claim.TripStart.ShouldBe(new DateOnly(2019, 3, 11));
        (await TravelFindings(claim.Id)).ShouldBe(["TicketOutsideTrip:Warn", "TravellerNotClaimant:Warn"]);

        // The colleague listed, the trip covering the ticket's day: nothing left.
        var updated = await employee.PutAsJsonAsync($"/api/expenses/claims/{claim.Id}",
            new { title = "武汉出差", legalEntityId = entity, lines = new[] { line }, tripStart = "2019-03-09", tripEnd = "2019-03-12", travellers = new[] { "林玺" } });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await TravelFindings(claim.Id)).ShouldBeEmpty();

        // A line naming a document the file does not hold (the photo is one ticket) would dodge that document's checks: blocked.
        var forged = await employee.PutAsJsonAsync($"/api/expenses/claims/{claim.Id}",
            new { title = "武汉出差", legalEntityId = entity, lines = new[] { new { line.category, line.amount, line.currency, line.expenseDate, line.receiptIds, documentIndex = 1 } } });
        forged.StatusCode.ShouldBe(HttpStatusCode.OK, await forged.Content.ReadAsStringAsync());
        var findings = (await (await employee.PostAsync($"/api/expenses/claims/{claim.Id}/check", null)).Content.ReadFromJsonAsync<List<PolicyFindingDto>>())!;
        findings.ShouldContain(f => f.Rule == "DocumentIndexInvalid" && f.Severity == "Block" && f.Line == 0);
        (await employee.PutAsJsonAsync($"/api/expenses/claims/{claim.Id}",
            new { title = "武汉出差", legalEntityId = entity, lines = new[] { line }, tripStart = "2019-03-09", tripEnd = "2019-03-12", travellers = new[] { "林玺" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // Finance narrows the grade's 差标 to 硬座 and makes the rule blocking: the 二等座 ticket is now refused at submit.
        (await admin.PutAsJsonAsync("/api/expenses/policy/travel-classes", new { gradeCode = "G3", trainClasses = new[] { "硬座" }, airCabins = new[] { "economy" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = (await admin.GetFromJsonAsync<Dictionary<string, object>>("/api/expenses/policy/settings"))!;
        settings["travelPolicy"] = "Block";
        (await admin.PutAsJsonAsync("/api/expenses/policy/settings", settings)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TravelFindings(claim.Id)).ShouldBe(["TravelClass:Block"]);
        await (await employee.SubmitAsync(claim.Id)).ProblemAsync(422, "Expenses.PolicyBlocked");
    }

    [Fact]
    public async Task TripTravellersRulesAndDocumentIndex_BadInputIsACodedProblem()
    {
        using var employee = await app.SignInAsync("sales.east");
        using var admin = await app.SignInAsync("admin");
        var entity = await employee.LegalEntityAsync();

        (await (await employee.PostAsJsonAsync("/api/expenses/claims", new { title = "t", legalEntityId = entity, lines = Array.Empty<object>(), tripStart = "2026-11-02", tripEnd = "2026-11-01" }))
            .ProblemAsync(400, "Request.InvalidInput")).GetProperty("errors").TryGetProperty("$.tripStart", out _).ShouldBeTrue();
        await (await employee.PostAsJsonAsync("/api/expenses/claims", new { title = "t", legalEntityId = entity, lines = Array.Empty<object>(), tripStart = "2026-11-02" }))
            .ProblemAsync(400, "Expenses.TripDatesInvalid");
        await (await admin.PutAsJsonAsync("/api/expenses/policy/travel-classes", new { gradeCode = (string?)null, trainClasses = new[] { "second" }, airCabins = Array.Empty<string>() }))
            .ProblemAsync(400, "Expenses.TravelClassRuleInvalid");
        var line = new { category = "travel", amount = 10m, currency = "CNY", expenseDate = "2026-11-01", receiptIds = Array.Empty<Guid>(), documentIndex = 50 };
        (await employee.PostAsJsonAsync("/api/expenses/claims", new { title = "t", legalEntityId = entity, lines = new[] { line } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await employee.PutAsJsonAsync("/api/expenses/policy/travel-classes", new { trainClasses = new[] { "商务座" }, airCabins = new[] { "first" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only administrators set the 差标");
    }

    [Fact]
    public async Task AGradesOwnTravelClasses_CanBeRemoved_TheDefaultCannot()
    {
        using var admin = await app.SignInAsync("admin");
        using var employee = await app.SignInAsync("sales.east");
        (await admin.PutAsJsonAsync("/api/expenses/policy/travel-classes", new { gradeCode = "G9", trainClasses = new[] { "商务座" }, airCabins = new[] { "first" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await employee.DeleteAsync("/api/expenses/policy/travel-classes/G9")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.DeleteAsync("/api/expenses/policy/travel-classes/G9")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var grades = (await admin.GetFromJsonAsync<List<Dictionary<string, object?>>>("/api/expenses/policy/travel-classes"))!.Select(r => r["gradeCode"]?.ToString()).ToList();
        grades.ShouldNotContain("G9");
        grades.ShouldContain((string?)null, "the default rule is kept");
        await (await admin.DeleteAsync("/api/expenses/policy/travel-classes/G9")).ProblemAsync(404, "Expenses.TravelClassRuleNotFound");
        await (await admin.DeleteAsync("/api/expenses/policy/travel-classes/default")).ProblemAsync(409, "Expenses.TravelClassDefaultRequired");
    }
}
