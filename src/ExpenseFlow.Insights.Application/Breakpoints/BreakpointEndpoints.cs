using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Insights.Application.Kpis;
using ExpenseFlow.Insights.Application.Projection;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Insights.Domain.Breakpoints;
using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseFlow.Insights.Application.Breakpoints;

/// <summary>Where claims wait: approval nodes and approvers by wait, today's queues, and redundant-node suggestions.</summary>
internal static class BreakpointEndpoints
{
    public static async Task<Ok<BreakpointsDto>> GetAsync(
        string? from, string? to, InsightsDbContext db, IApprovalQueueReader queues, InsightsCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var period = Period.Parse(from, to, calendar, clock);
        var store = new KpiStore(db);
        var nodes = await store.LoadAsync(Dimension.Node, period, false, Counter.TaskLength, [Metric.TaskWait], ct);
        var approvers = await store.LoadAsync(Dimension.Approver, period, false, Counter.TaskLength, [Metric.TaskWait], ct);

        var nodeStats = nodes.Select(n =>
        {
            var (flow, step) = TaskFact.SplitNodeKey(n.Key);
            var g = n.Value;
            var decided = g[Counter.Approved] + g[Counter.TaskRejected] + g[Counter.TaskReturned];
            return new NodeStatDto(flow, step, g.Label.Length > 0 ? g.Label : step, g.Kind ?? string.Empty, g[Counter.Tasks], g[Counter.Approved],
                g[Counter.TaskRejected], g[Counter.TaskReturned], g[Counter.Other], Wait(g), g[Counter.Breaches], g[Counter.Reminded],
                KpiEndpoints.Ratio(g[Counter.TaskRejected] + g[Counter.TaskReturned], decided));
        }).OrderByDescending(n => n.Wait.MedianHours ?? -1).ThenBy(n => n.FlowName, StringComparer.Ordinal).ToList();

        var approverStats = approvers.Select(a =>
        {
            var g = a.Value;
            var decided = g[Counter.Approved] + g[Counter.TaskRejected] + g[Counter.TaskReturned];
            return new ApproverStatDto(Guid.Parse(a.Key), g.Label, g[Counter.Tasks], Wait(g), g[Counter.Breaches],
                KpiEndpoints.Ratio(g[Counter.TaskRejected] + g[Counter.TaskReturned], decided));
        }).OrderByDescending(a => a.Wait.MedianHours ?? -1).ToList();

        var now = clock.GetUtcNow();
        var open = (await queues.OpenQueuesAsync(now, ct))
            .Select(q => new QueueDto(q.AssigneeId, q.AssigneeName, q.Open, Math.Round((now - q.OldestWaitingSince).TotalHours, 1), q.Overdue)).ToList();

        var suggestions = new RedundantNodeRule().Evaluate(nodes.Select(n =>
        {
            var (flow, step) = TaskFact.SplitNodeKey(n.Key);
            var g = n.Value;
            return new NodeFigures(flow, step, g.Label.Length > 0 ? g.Label : step, g.Kind ?? string.Empty, g[Counter.Tasks],
                g[Counter.Approved] + g[Counter.TaskRejected] + g[Counter.TaskReturned], g[Counter.TaskRejected] + g[Counter.TaskReturned],
                g.Percentile(Metric.TaskWait, 0.5), g[Counter.WaitSeconds] / 3600.0, period.Months);
        })).Select(s => new SuggestionDto(s.Node.FlowName, s.Node.StepKey, s.Node.StepName, s.Action, s.Node.Tasks,
            KpiEndpoints.Ratio(s.Node.RejectedOrReturned, s.Node.Decided), s.Node.MedianWaitHours, Math.Round(s.WaitHoursPerMonth, 1), s.ReasonEn, s.ReasonZh)).ToList();

        return TypedResults.Ok(new BreakpointsDto(period.FromText, period.ToText, nodeStats, approverStats, open, suggestions, now));
    }

    private static DurationDto Wait(GroupFigures g)
    {
        var count = g[Counter.WaitCount];
        return new DurationDto(count, g.Percentile(Metric.TaskWait, 0.5), g.Percentile(Metric.TaskWait, 0.9),
            count == 0 ? null : Math.Round(g[Counter.WaitSeconds] / 3600.0 / count, 4));
    }
}
