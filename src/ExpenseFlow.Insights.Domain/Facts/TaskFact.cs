namespace ExpenseFlow.Insights.Domain.Facts;

/// <summary>One ended approval task, as ApprovalTaskCompleted reported it.</summary>
public sealed class TaskFact
{
    public Guid TaskId { get; set; }

    public Guid ClaimId { get; set; }

    public Guid ApprovalId { get; set; }

    public string FlowName { get; set; } = string.Empty;

    public string StepKey { get; set; } = string.Empty;

    public string StepName { get; set; } = string.Empty;

    public string StepKind { get; set; } = string.Empty;

    public Guid AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public Guid? DecidedById { get; set; }

    /// <summary>Approved | Rejected | Returned | Skipped | Closed | Escalated | Read …</summary>
    public string Outcome { get; set; } = string.Empty;

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? WaitingSince { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    public bool IsFinanceReview => StepKind == "FinanceReview";

    public bool IsNotify => StepKind == "Notify";

    /// <summary>A person decided it (not the system: 去重 skips, automatic actions, closing).</summary>
    public bool DecidedByPerson => DecidedById is { } d && d != Guid.Empty && Outcome is "Approved" or "Rejected" or "Returned";

    /// <summary>The SLA deadline passed: the task was escalated or the automatic action ran.</summary>
    public bool Breached => Outcome == "Escalated" || Note == "auto";

    public TimeSpan Wait => Max(CompletedAt - (WaitingSince ?? CreatedAt));

    /// <summary>Opened → decided, for decisions by a person who opened the claim first (measured active time).</summary>
    public TimeSpan? ActiveTime => DecidedByPerson && OpenedAt is { } opened && opened <= CompletedAt ? CompletedAt - opened : null;

    /// <summary>Node and approver cells by month of completion. Notify-only tasks are counted but have no wait to speak of.</summary>
    public Contribution Contribute(TimeZoneInfo zone)
    {
        var c = new Contribution();
        var month = ClaimFact.MonthOf(CompletedAt, zone);
        var node = new CellKey(month, Dimension.Node, NodeKey(FlowName, StepKey));
        var approver = new CellKey(month, Dimension.Approver, AssigneeId.ToString());
        c.Labels[node] = (StepName, StepKind);
        c.Labels[approver] = (AssigneeName ?? AssigneeId.ToString(), null);
        foreach (var cell in new[] { node, approver })
        {
            c.Add(cell, Counter.TaskLength, Counter.Tasks, 1);
            c.Add(cell, Counter.TaskLength, Outcome switch
            {
                "Approved" => Counter.Approved,
                "Rejected" => Counter.TaskRejected,
                "Returned" => Counter.TaskReturned,
                _ => Counter.Other,
            }, 1);
            c.Add(cell, Counter.TaskLength, Counter.Breaches, Breached ? 1 : 0);
            c.Add(cell, Counter.TaskLength, Counter.Reminded, RemindedAt is null ? 0 : 1);
            if (!IsNotify && Outcome is not ("Skipped" or "Closed"))
            {
                c.Add(cell, Counter.TaskLength, Counter.WaitCount, 1);
                c.Add(cell, Counter.TaskLength, Counter.WaitSeconds, (long)Wait.TotalSeconds);
                c.Observe(Metric.TaskWait, cell, Wait);
            }
        }

        return c;
    }

    public static string NodeKey(string flowName, string stepKey) => $"{flowName}\u001f{stepKey}";

    public static (string FlowName, string StepKey) SplitNodeKey(string key)
    {
        var i = key.IndexOf('\u001f', StringComparison.Ordinal);
        return i < 0 ? (string.Empty, key) : (key[..i], key[(i + 1)..]);
    }

    private static TimeSpan Max(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
