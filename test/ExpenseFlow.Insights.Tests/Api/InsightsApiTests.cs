using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Insights.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Insights.Tests.Api;

/// <summary>
/// Events → KPIs through the real modules: claims submitted, returned, approved, batched, paid from a statement; then the
/// dashboard, breakpoints and ROI read them back, a redelivered event changes nothing and a replay of the log agrees.
/// Only the first test creates claims, so its counts are exact.
/// </summary>
public class InsightsApiTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task TheChainsEvents_BecomeKpis_Breakpoints_AndTheRoiReport_AndAReplayAgrees()
    {
        using var manager = await app.SignInAsync("analyst");
        using var admin = await app.SignInAsync("admin");
        using var developer = await app.SignInAsync("dev1");
        using var lead = await app.SignInAsync("rnd.lead");

        // Claim A: approved by the manager and finance, batched, released, paid by an automatically matched statement entry.
        await app.PaidClaimAsync("sales1", "sales.east", 1_234.50m, "KPI A", "杨帆");

        // Claim B: returned by the manager for correction (a data error).
        var returned = await developer.SubmitClaimAsync(300m, title: "KPI B");
        await lead.DecideOkAsync((await lead.TaskForAsync(returned.Id)).TaskId, "return", "缺少发票");
        await developer.ClaimWhenAsync(returned.Id, "Returned");

        var report = await DemoClaims.EventuallyAsync(async () =>
        {
            var r = await manager.GetFromJsonAsync<KpiReportDto>("/api/insights/kpis", Json);
            return r!.Total is { ClaimsPaid: 1, ErrorRate.Numerator: 1 } ? r : null;
        }, "the KPIs to include the payment and the return", TimeSpan.FromSeconds(60));

        var t = report.Total;
        (t.ClaimsSubmitted, t.ClaimsPaid, t.AmountSubmitted).ShouldBe((2L, 1L, 1_534.50m));
        t.ErrorRate.ShouldBe(new RatioDto(1, 2, 0.5));
        t.FirstPassYield.ShouldBe(new RatioDto(1, 1, 1), "A approved without a return; B is not decided yet");
        t.TouchlessRate.ShouldBe(new RatioDto(0, 1, 0), "A's line was typed by hand (no recognised receipt)");
        t.CycleTime.Count.ShouldBe(1);
        t.CycleTime.MedianHours.ShouldNotBeNull().ShouldBeLessThan(1);
        t.Stages.Single(s => s.Key == "payment").Duration.Count.ShouldBe(1);
        t.Stages.Single(s => s.Key == "finance").Duration.Count.ShouldBe(1, "the demo flow ends with a finance review");
        report.Groups.Single(g => g.Values.ClaimsSubmitted > 0).Values.ClaimsSubmitted.ShouldBe(2, "both in this month");
        report.ActiveMinutes.Single(a => a.Role == "finance-other").Kind.ShouldBe("estimated");
        report.EventsProcessed.ShouldBeGreaterThan(5);

        var byDepartment = (await manager.GetFromJsonAsync<KpiReportDto>("/api/insights/kpis?by=department", Json))!;
        byDepartment.Groups.Count.ShouldBe(2);
        byDepartment.Groups.ShouldAllBe(g => g.Values.ClaimsSubmitted == 1);
        foreach (var group in byDepartment.Groups)
        {
            Guid.TryParse(group.Name, out var _).ShouldBeFalse("groups are named");
        }

        var breakpoints = (await manager.GetFromJsonAsync<BreakpointsDto>("/api/insights/breakpoints", Json))!;
        breakpoints.Nodes.Sum(n => n.Returned).ShouldBe(1);
        breakpoints.Nodes.ShouldContain(n => n.StepKind == "FinanceReview" && n.Approved == 1);
        breakpoints.Approvers.Single(a => a.Name == "刘芳").ShouldSatisfyAllConditions(a => a.Tasks.ShouldBe(1), a => a.RejectRate.ShouldBe(new RatioDto(0, 1, 0)));
        breakpoints.Approvers.Single(a => a.Name == "孙丽").RejectRate.ShouldBe(new RatioDto(1, 1, 1), "the return counts against the node and the approver");
        breakpoints.Approvers.Single(a => a.Name == "李晓梅").Tasks.ShouldBe(1, "the finance review");
        breakpoints.Nodes.ShouldAllBe(n => n.FlowName.Length > 0 && n.StepName.Length > 0);

        var roi = (await manager.GetFromJsonAsync<RoiReportDto>("/api/insights/roi?baselineVersion=1", Json))!;
        (roi.BaselineVersion, roi.Currency).ShouldBe((1, "CNY"));
        roi.Comparison.Single(f => f.Key == "errorRate").After.ShouldBe(0.5m);
        roi.Hard.Single(f => f.Key == "hoursSaved").Inputs.Single(i => i.Key == "claims").Value.ShouldBe(2m);
        roi.Soft.ShouldNotBeEmpty();
        roi.Trend.Count.ShouldBe(12);

        // A redelivered event is taken once.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<InsightsDbContext>();
            var stored = await db.Events.AsNoTracking().FirstAsync(e => e.Type == nameof(ClaimReturned));
            var again = JsonSerializer.Deserialize<ClaimReturned>(stored.Payload, Json)!;
            await sp.GetRequiredService<IIntegrationEventHandler<ClaimReturned>>().HandleAsync(again, CancellationToken.None);
        });
        var afterRedelivery = (await manager.GetFromJsonAsync<KpiReportDto>("/api/insights/kpis", Json))!;
        afterRedelivery.Total.ErrorRate.ShouldBe(new RatioDto(1, 2, 0.5));
        afterRedelivery.EventsProcessed.ShouldBe(report.EventsProcessed);

        // Replaying the whole log gives the very same figures.
        var rebuilt = await admin.PostAsync("/api/insights/rebuild", null);
        ((int)rebuilt.StatusCode).ShouldBe(200, await rebuilt.Content.ReadAsStringAsync());
        (await rebuilt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").GetInt64().ShouldBe(report.EventsProcessed);
        var replayed = (await manager.GetFromJsonAsync<KpiReportDto>("/api/insights/kpis", Json))!;
        JsonSerializer.Serialize(replayed.Total, Json).ShouldBe(JsonSerializer.Serialize(report.Total, Json));
        JsonSerializer.Serialize(replayed.Groups, Json).ShouldBe(JsonSerializer.Serialize(report.Groups, Json));

        // Exports of the same report.
        var xlsx = await manager.GetAsync("/api/insights/roi/export?format=xlsx&baselineVersion=1&lang=zh-CN");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        var pdf = await manager.GetAsync("/api/insights/roi/export?format=pdf&baselineVersion=1&lang=en");
        Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]).ShouldBe("%PDF-");
        await (await manager.GetAsync("/api/insights/roi/export?format=doc")).ProblemAsync(400, "Insights.InvalidExportFormat");
    }

    [Fact]
    public async Task OnlyManagementAndAdmin_SeeInsights_AndOnlyAdmin_ChangesTheBaseline()
    {
        using var employee = await app.SignInAsync("sales1");
        using var finance = await app.SignInAsync("finance1");
        using var manager = await app.SignInAsync("analyst");
        using var admin = await app.SignInAsync("admin");

        ((int)(await employee.GetAsync("/api/insights/kpis")).StatusCode).ShouldBe(403);
        ((int)(await finance.GetAsync("/api/insights/roi")).StatusCode).ShouldBe(403);
        ((int)(await manager.GetAsync("/api/insights/kpis")).StatusCode).ShouldBe(200);
        ((int)(await manager.PostAsJsonAsync("/api/insights/baselines", new { name = "x", figures = Array.Empty<object>() })).StatusCode).ShouldBe(403);
        ((int)(await manager.PostAsync("/api/insights/rebuild", null)).StatusCode).ShouldBe(403);
        ((int)(await admin.GetAsync("/api/insights/breakpoints")).StatusCode).ShouldBe(200);

        var survey = await manager.PutAsJsonAsync("/api/insights/survey", new[] { new { key = "employeeSatisfaction", before = 2.8m, after = 4.1m } });
        ((int)survey.StatusCode).ShouldBe(200);
        var scores = (await survey.Content.ReadFromJsonAsync<List<SurveyScoreDto>>(Json))!;
        scores.Single(s => s.Key == "employeeSatisfaction").ShouldSatisfyAllConditions(s => s.After.ShouldBe(4.1m), s => s.EnteredByName.ShouldBe("何明"));
        await (await manager.PutAsJsonAsync("/api/insights/survey", new[] { new { key = "employeeSatisfaction", before = 9m, after = 4m } })).ProblemAsync(400, "Insights.InvalidSurveyScore");
        await (await manager.GetAsync("/api/insights/kpis?from=2026-13&to=2026-01")).ProblemAsync(400, "Insights.InvalidPeriod");
        await (await manager.GetAsync("/api/insights/kpis?by=colour")).ProblemAsync(400, "Insights.InvalidBreakdown");
        await (await manager.GetAsync("/api/insights/roi?baselineVersion=999")).ProblemAsync(404, "Insights.BaselineNotFound");
    }

    [Fact]
    public async Task Baselines_AreVersioned_AnEditedDefaultBecomesEntered_AndHistoryIsMeasured()
    {
        using var admin = await app.SignInAsync("admin");
        var defaults = (await admin.GetFromJsonAsync<List<BaselineFigureDto>>("/api/insights/baselines/defaults", Json))!;
        defaults.Count.ShouldBe(13);
        defaults.Single(f => f.Key == "financeMinutes").ShouldSatisfyAllConditions(f => f.Value.ShouldBe(20m), f => f.Kind.ShouldBe("default"), f => f.Source!.ShouldContain("GBTA"));
        var v1 = (await admin.GetFromJsonAsync<BaselineDto>("/api/insights/baselines/1", Json))!;
        v1.Figures.Single(f => f.Key == "employeeMinutes").Value.ShouldBe(15m);

        var saved = await admin.PostAsJsonAsync("/api/insights/baselines",
            new { name = "实测前基线", currency = "CNY", figures = new[] { new { key = "employeeMinutes", value = 25m, kind = "assumption", source = "2026 年 9 月内部计时" } } });
        ((int)saved.StatusCode).ShouldBe(201, await saved.Content.ReadAsStringAsync());
        var v2 = (await saved.Content.ReadFromJsonAsync<BaselineDto>(Json))!;
        v2.Version.ShouldBeGreaterThan(1);
        v2.Figures.Single(f => f.Key == "employeeMinutes").ShouldSatisfyAllConditions(f => f.Value.ShouldBe(25m), f => f.Kind.ShouldBe("entered"), f => f.Source.ShouldBe("2026 年 9 月内部计时"));
        v2.Figures.Single(f => f.Key == "financeMinutes").Kind.ShouldBe("default", "an untouched default keeps its source");
        (await admin.GetFromJsonAsync<BaselineDto>("/api/insights/baselines/1", Json))!.Figures.Single(f => f.Key == "employeeMinutes").Value.ShouldBe(15m, "versions never change");
        await (await admin.PostAsJsonAsync("/api/insights/baselines", new { name = "x", figures = new[] { new { key = "errorRate", value = 1.5m } } }))
            .ProblemAsync(400, "Insights.InvalidBaselineFigure");

        const string csv = "claimNumber,submittedAt,approvedAt,paidAt,returned\nH-1,2025-01-05,2025-01-07,2025-01-10,false\nH-2,2025-02-20,2025-02-25,2025-03-01,true\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "history.csv" }, { new StringContent("2025 历史"), "name" } };
        var imported = await admin.PostAsync("/api/insights/baselines/import-history", form);
        ((int)imported.StatusCode).ShouldBe(201, await imported.Content.ReadAsStringAsync());
        var v3 = (await imported.Content.ReadFromJsonAsync<BaselineDto>(Json))!;
        (v3.Method, v3.History!.Rows, v3.History.Skipped).ShouldBe(("measured", 2, 0));
        v3.Figures.Single(f => f.Key == "claimsPerMonth").ShouldSatisfyAllConditions(f => f.Value.ShouldBe(1m), f => f.Kind.ShouldBe("measured"));
        v3.Figures.Single(f => f.Key == "errorRate").Value.ShouldBe(0.5m);
        v3.Figures.Single(f => f.Key == "employeeMinutes").Value.ShouldBe(25m, "figures the history cannot measure come from the previous version");
        (await admin.GetFromJsonAsync<List<BaselineDto>>("/api/insights/baselines", Json))![0].Version.ShouldBe(v3.Version);

        using var bad = new MultipartFormDataContent { { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "file", "bad.csv" } };
        await (await admin.PostAsync("/api/insights/baselines/import-history", bad)).ProblemAsync(400, "Insights.InvalidHistory");
    }
}
