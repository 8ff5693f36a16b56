namespace ExpenseFlow.Insights.Domain.Breakpoints;

/// <summary>A node's figures over the period, as the rule reads them.</summary>
public sealed record NodeFigures(string FlowName, string StepKey, string StepName, string StepKind, long Tasks, long Decided, long RejectedOrReturned, double? MedianWaitHours, double WaitHoursTotal, int Months);

/// <summary>A suggestion with the evidence: <c>Action</c> is <c>remove</c> or <c>notify-only</c>.</summary>
public sealed record NodeSuggestion(NodeFigures Node, string Action, double RejectRate, double WaitHoursPerMonth, string ReasonEn, string ReasonZh);

/// <summary>
/// The seed's "redundant approval nodes": an approval step that (almost) never rejects or returns yet makes claims wait.
/// Never rejected over enough decisions → remove; rarely (≤ <see cref="NotifyOnlyMaxRejectRate"/>) → notify-only (抄送).
/// Finance review and notify steps are never suggested: the first is a separate control, the second adds no wait.
/// </summary>
public sealed record RedundantNodeRule(int MinDecisions = 20, double NotifyOnlyMaxRejectRate = 0.02, double MinMedianWaitHours = 4)
{
    public IReadOnlyList<NodeSuggestion> Evaluate(IEnumerable<NodeFigures> nodes) =>
        nodes.Where(n => n.StepKind == "Approval" && n.Decided >= MinDecisions && (n.MedianWaitHours ?? 0) >= MinMedianWaitHours)
            .Select(n => (Node: n, Rate: n.Decided == 0 ? 0 : (double)n.RejectedOrReturned / n.Decided))
            .Where(x => x.Rate <= NotifyOnlyMaxRejectRate)
            .Select(x =>
            {
                var perMonth = x.Node.WaitHoursTotal / Math.Max(1, x.Node.Months);
                var action = x.Node.RejectedOrReturned == 0 ? "remove" : "notify-only";
                var en = $"{x.Node.StepName}: {x.Node.RejectedOrReturned} of {x.Node.Decided} decisions rejected or returned ({x.Rate:P1}), "
                         + $"median wait {x.Node.MedianWaitHours:0.#} h, {perMonth:0.#} waiting hours a month. "
                         + (action == "remove" ? "It never stopped a claim: consider removing it." : "It almost never stops a claim: consider making it notify-only (抄送).");
                var zh = $"{x.Node.StepName}：{x.Node.Decided} 次决定中驳回或退回 {x.Node.RejectedOrReturned} 次（{x.Rate:P1}），"
                         + $"等待中位数 {x.Node.MedianWaitHours:0.#} 小时，每月累计等待 {perMonth:0.#} 小时。"
                         + (action == "remove" ? "该节点从未拦下报销单，建议删除。" : "该节点几乎不拦下报销单，建议改为抄送。");
                return new NodeSuggestion(x.Node, action, x.Rate, perMonth, en, zh);
            })
            .OrderByDescending(s => s.WaitHoursPerMonth)
            .ToList();
}
