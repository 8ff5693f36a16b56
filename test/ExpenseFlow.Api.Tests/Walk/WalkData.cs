using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.TestBase;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// Work in progress in every state before the walk starts (through the API, as the demo users would leave it), so that
/// path ids name real things and a hostile value meets the handler's real work instead of a 404: claims waiting on a
/// manager and on the CFO, an approved claim's payable, a draft batch, and a statement whose debit matches nothing.
/// </summary>
public static class WalkData
{
    public static async Task SeedAsync(HostProcess host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var employee = await host.SignInAsync("sales1");
        using var manager = await host.SignInAsync("sales.east");
        using var cfo = await host.SignInAsync("cfo");
        using var maker = await host.SignInAsync("finance1");

        await employee.SubmitClaimAsync(310m, title: "走查：待经理审批");
        var atCfo = await employee.SubmitClaimAsync(320m, title: "走查：待财务审核");
        await manager.DecideOkAsync((await manager.TaskForAsync(atCfo.Id)).TaskId);
        await cfo.TaskForAsync(atCfo.Id);

        var approved = new List<Guid>();
        foreach (var amount in new[] { 330m, 340m })
        {
            var claim = await employee.SubmitClaimAsync(amount, title: "走查：已批准");
            await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId);
            await cfo.DecideOkAsync((await cfo.TaskForAsync(claim.Id)).TaskId);
            approved.Add(claim.Id);
        }

        // One payable stays open for the walk's own batch; the other goes into a draft batch (release and cancel have an id).
        var payable = await DemoClaims.EventuallyAsync(async () =>
            (await maker.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.FirstOrDefault(p => p.ClaimId == approved[1]), "the payable");
        var legalEntity = (await maker.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        var built = await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, payableIds = new[] { payable.Id } });
        await Ensure(built, "a draft batch");

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DemoStatements.Camt053("WALK-SEED", new DemoStatements.Entry(77.7m, false, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "NO-SUCH-E2E", "某收款人", "WALK-SEED")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "statement.xml");
        await Ensure(await maker.PostAsync("/api/payments/statements", form), "a statement with an unmatched debit");
    }

    private static async Task Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the walk's data could not be made ({what}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
