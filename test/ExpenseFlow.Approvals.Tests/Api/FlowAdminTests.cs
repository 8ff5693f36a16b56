using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>Flow administration: validation, versions, which flow applies, preview, delegation, and who may do it.</summary>
public class FlowAdminTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static object TwoStepFlow(string code, string? category, string firstName = "经理") => new
    {
        code, name = $"流程 {code}", priority = 5,
        definition = new
        {
            when = category is null ? null : new { field = "category", op = "in", value = new[] { category } },
            steps = new object[]
            {
                new { key = "m", name = firstName, approvers = new[] { new { type = "manager" } } },
                new { key = "fin", name = "财务审核", kind = "financeReview", mode = "any" },
            },
        },
    };

    [Fact]
    public async Task SavingAnInvalidDefinition_ListsEveryInvalidPart_InTheCallersLanguage()
    {
        using var admin = await app.SignInAsync("admin", "zh-CN");
        var response = await admin.PostAsJsonAsync("/api/approvals/flows", new
        {
            code = "bad", name = "坏流程",
            definition = new { steps = new object[] { new { key = "a", name = "A", approvers = new object[] { new { type = "role", role = "Boss" } } }, new { key = "b", name = "B", mode = "vote", approvers = new[] { new { type = "manager" } } } } },
        });

        var problem = await response.ProblemAsync(400, "Approvals.InvalidDefinition");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("code").GetString())).ToList();
        errors.ShouldBe([("steps[1].mode", "UnknownValue")], "structure first; the directory checks run on a well-formed definition");
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("可选值");

        var validated = await (await admin.PostAsJsonAsync("/api/approvals/flows/validate", new
        {
            definition = new { steps = new object[] { new { key = "a", name = "A", approvers = new object[] { new { type = "role", role = "Boss" }, new { type = "person", personId = Guid.NewGuid() } } } } },
        })).Content.ReadFromJsonAsync<ValidationResultDto>();
        validated!.Valid.ShouldBeFalse();
        validated.Errors.Select(e => (e.Path, e.Code)).ShouldBe([("steps[0].approvers[0].role", "UnknownRole"), ("steps[0].approvers[1].personId", "UnknownPerson")]);
    }

    [Fact]
    public async Task EditingAFlow_AddsAVersion_AndARunningApprovalKeepsTheOneItStartedWith()
    {
        using var admin = await app.SignInAsync("admin");
        using var employee = await app.SignInAsync("dev2");
        using var lead = await app.SignInAsync("rnd.lead");
        var created = await admin.PostAsJsonAsync("/api/approvals/flows", TwoStepFlow("hotel-flow", "hotel"));
        ((int)created.StatusCode).ShouldBe(201, await created.Content.ReadAsStringAsync());
        var flow = (await created.Content.ReadFromJsonAsync<FlowDto>())!;
        flow.Version.ShouldBe(1);
        var claim = await employee.SubmitClaimAsync(450m, "hotel", "住宿");
        var task = await lead.TaskForAsync(claim.Id);
        task.StepName.ShouldBe("经理");

        var edited = await admin.PutAsJsonAsync($"/api/approvals/flows/{flow.Id}", TwoStepFlow("hotel-flow", "hotel", "改过的经理"));
        ((int)edited.StatusCode).ShouldBe(200, await edited.Content.ReadAsStringAsync());
        var v2 = (await edited.Content.ReadFromJsonAsync<FlowDto>())!;
        v2.Version.ShouldBe(2);
        v2.Versions.Select(v => v.Version).ShouldBe([2, 1]);
        v2.Definition.GetProperty("steps")[0].GetProperty("name").GetString().ShouldBe("改过的经理");

        var approval = await lead.DecideOkAsync(task.TaskId);
        (approval.FlowName, approval.FlowVersion).ShouldBe(("流程 hotel-flow", 1));
        approval.Steps[0].Name.ShouldBe("经理");
        var next = await employee.SubmitClaimAsync(460m, "hotel", "住宿2");
        (await lead.TaskForAsync(next.Id)).StepName.ShouldBe("改过的经理");
    }

    [Fact]
    public async Task TheFirstMatchingFlowApplies_ElseTheDefault_WhichCannotBeSwitchedOff()
    {
        using var admin = await app.SignInAsync("admin");
        var created = (await (await admin.PostAsJsonAsync("/api/approvals/flows", TwoStepFlow("meals-flow", "meals"))).Content.ReadFromJsonAsync<FlowDto>())!;
        var flows = (await admin.GetFromJsonAsync<List<FlowSummaryDto>>("/api/approvals/flows"))!;
        flows[^1].IsDefault.ShouldBeTrue("the default flow is tried last");
        var me = (await admin.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!;
        var sales1 = (await admin.GetFromJsonAsync<BuildingBlocks.PagedResult<PersonListItemDto>>("/api/organization/people?search=sales1"))!.Items.Single().Id;

        var meals = await Preview(admin, new { sample = new { submitterId = sales1, amount = 100, categories = new[] { "meals" } } });
        meals.FlowId.ShouldBe(created.Id);
        var travel = await Preview(admin, new { sample = new { submitterId = sales1, amount = 30_000, categories = new[] { "entertainment" } } });
        travel.FlowName.ShouldBe("演示公司审批流程");
        travel.Steps.Select(s => (s.Key, s.Applies)).ShouldBe([("manager", true), ("dept-head", true), ("cfo", true), ("hr", true), ("finance", true)]);
        travel.Steps[0].Approvers.Single().Name.ShouldBe("刘芳");
        travel.Steps[1].Approvers.Single().Note.ShouldBe("dedupe");
        travel.Steps[3].Approvers.Single().Name.ShouldBe("林小红");

        (await admin.PostAsync($"/api/approvals/flows/{created.Id}/deactivate", null)).EnsureSuccessStatusCode();
        (await Preview(admin, new { sample = new { submitterId = sales1, amount = 100, categories = new[] { "meals" } } })).FlowName.ShouldBe("演示公司审批流程");
        await (await admin.PostAsync($"/api/approvals/flows/{flows[^1].Id}/deactivate", null)).ProblemAsync(409, "Approvals.DefaultFlowRequired");
        (await admin.PostAsJsonAsync("/api/approvals/flows/preview", new { })).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        me.Roles.ShouldContain("Admin");
    }

    [Fact]
    public async Task PreviewOfAnExistingClaim_ShowsWhoWouldApprove_IncludingTheFallback()
    {
        using var admin = await app.SignInAsync("admin");
        using var ceo = await app.SignInAsync("ceo");
        var claim = await ceo.SubmitClaimAsync(1_000m, title: "预览");

        var preview = await Preview(admin, new { claimId = claim.Id });

        preview.Steps[0].Approvers.Single().Note.ShouldBe("fallback");
        preview.Steps[0].Approvers.Single().Name.ShouldBe("系统管理员");
        preview.Steps.Single(s => s.Key == "finance").Approvers.Select(a => a.Name).ShouldBe(["李晓梅", "张会计", "赵出纳"], ignoreOrder: true);
    }

    [Fact]
    public async Task Delegate_DecidesOnBehalfOfTheApprover_OnlyWithinTheDelegationDates()
    {
        using var employee = await app.SignInAsync("dev1");
        using var lead = await app.SignInAsync("rnd.lead");
        using var director = await app.SignInAsync("rnd.director");
        var directorId = (await director.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.PersonId!.Value;
        var leadId = (await lead.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.PersonId!.Value;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var claim = await employee.SubmitClaimAsync(333m, title: "代理");
        var task = await lead.TaskForAsync(claim.Id);
        (await director.InboxAsync()).ShouldNotContain(i => i.TaskId == task.TaskId);
        await (await director.DecideAsync(task.TaskId, "approve")).ProblemAsync(403, "Approvals.NotYourTask");
        (await lead.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = directorId, startDate = today.AddDays(3), endDate = today.AddDays(5), reason = "下周出差" })).EnsureSuccessStatusCode();
        await (await director.DecideAsync(task.TaskId, "approve")).ProblemAsync(403, "Approvals.NotYourTask");

        (await lead.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = directorId, startDate = today, endDate = today.AddDays(1), reason = "出差" })).EnsureSuccessStatusCode();

        var delegated = (await director.InboxAsync()).Single(i => i.TaskId == task.TaskId);
        delegated.OnBehalf.ShouldBeTrue();
        delegated.AssigneeName.ShouldBe("孙丽");
        var approval = await director.DecideOkAsync(task.TaskId, comment: "代为同意");
        var decided = approval.Steps[0].Tasks.Single();
        (decided.DecidedById, decided.OnBehalfOfId, decided.DecidedByName).ShouldBe((directorId, leadId, "郑伟"));
    }

    [Fact]
    public async Task OnlyAdministrators_ManageFlows()
    {
        using var employee = await app.SignInAsync("sales1");
        await (await employee.GetAsync("/api/approvals/flows")).ProblemAsync(403, "General.Forbidden");
        using var admin = await app.SignInAsync("admin");
        var schema = await admin.GetStringAsync("/api/approvals/flows/schema");
        JsonDocument.Parse(schema).RootElement.GetProperty("$defs").GetProperty("condition").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    private static async Task<PreviewDto> Preview(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/approvals/flows/preview", request);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PreviewDto>())!;
    }
}
