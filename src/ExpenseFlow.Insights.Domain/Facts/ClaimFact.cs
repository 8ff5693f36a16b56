namespace ExpenseFlow.Insights.Domain.Facts;

/// <summary>
/// What the event log says about one claim, folded from the events in any order they arrive (submitted, decisions,
/// approval tasks, payment). Its <see cref="Contribute"/> is what it adds to the KPI rollup; an event's effect on the
/// rollup is the difference before and after applying it, so KPIs are incremental and always equal a full replay.
/// </summary>
public sealed class ClaimFact
{
    public Guid ClaimId { get; set; }

    public string? Number { get; set; }

    public Guid? EmployeeId { get; set; }

    public Guid? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    public Guid? LegalEntityId { get; set; }

    public string? LegalEntityName { get; set; }

    public string? Category { get; set; }

    public decimal Amount { get; set; }

    public string? Currency { get; set; }

    public DateTimeOffset? FirstUploadAt { get; set; }

    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public DateTimeOffset? LastSubmittedAt { get; set; }

    public int Submissions { get; set; }

    public int Returns { get; set; }

    public bool Rejected { get; set; }

    public bool Cancelled { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    public DateTimeOffset? LastPaidAt { get; set; }

    public DateTimeOffset? LastReopenedAt { get; set; }

    /// <summary>The last payment was settled by an automatically matched statement entry (nobody resolved it by hand).</summary>
    public bool PaidAutomatically { get; set; }

    public int FieldsProposed { get; set; }

    public int FieldsCorrected { get; set; }

    public int ManualLines { get; set; }

    public int Tasks { get; set; }

    public int SlaBreaches { get; set; }

    public int Reminders { get; set; }

    public long FinanceWaitSeconds { get; set; }

    public bool HadFinanceReview { get; set; }

    public long ApproverActiveSeconds { get; set; }

    public int ApproverActiveTasks { get; set; }

    public long FinanceActiveSeconds { get; set; }

    public int FinanceActiveTasks { get; set; }

    public DateTimeOffset? PaidAt => LastPaidAt is { } paid && (LastReopenedAt is not { } reopened || paid > reopened) ? paid : null;

    public void Submitted(
        string number, Guid employeeId, Guid? departmentId, string? departmentName, Guid legalEntityId, string? legalEntityName, string? category,
        decimal amount, string currency, DateTimeOffset at, DateTimeOffset? firstUploadAt, int proposed, int corrected, int manualLines)
    {
        Number = number;
        EmployeeId = employeeId;
        // The department and category of the first submission stay: a claim is counted where it started.
        if (FirstSubmittedAt is null || at < FirstSubmittedAt)
        {
            FirstSubmittedAt = at;
            DepartmentId = departmentId;
            DepartmentName = departmentName;
            Category = category;
        }

        if (LastSubmittedAt is null || at >= LastSubmittedAt)
        {
            LastSubmittedAt = at;
            LegalEntityId = legalEntityId;
            LegalEntityName = legalEntityName;
            Amount = amount;
            Currency = currency;
            FieldsProposed = proposed;
            FieldsCorrected = corrected;
            ManualLines = manualLines;
        }

        if (firstUploadAt is { } upload && (FirstUploadAt is null || upload < FirstUploadAt))
        {
            FirstUploadAt = upload;
        }

        Submissions++;
    }

    public void Returned() => Returns++;

    public void Reject() => Rejected = true;

    public void Cancel() => Cancelled = true;

    public void Approved(DateTimeOffset at) => ApprovedAt = ApprovedAt is { } a && a > at ? a : at;

    public void Scheduled(DateTimeOffset at) => ScheduledAt = ScheduledAt is { } s && s > at ? s : at;

    public void Paid(DateTimeOffset at, bool automatically)
    {
        if (LastPaidAt is null || at >= LastPaidAt)
        {
            LastPaidAt = at;
            PaidAutomatically = automatically;
        }
    }

    public void PaymentReopened(DateTimeOffset at) => LastReopenedAt = LastReopenedAt is { } r && r > at ? r : at;

    public void Reminded() => Reminders++;

    /// <summary>An approval task of this claim ended (see <see cref="TaskFact"/> for the task's own figures).</summary>
    public void TaskCompleted(TaskFact task)
    {
        Tasks++;
        if (task.Breached)
        {
            SlaBreaches++;
        }

        if (task.IsFinanceReview)
        {
            HadFinanceReview = true;
            FinanceWaitSeconds += (long)task.Wait.TotalSeconds;
        }

        if (task.ActiveTime is { } active)
        {
            if (task.IsFinanceReview)
            {
                FinanceActiveSeconds += (long)active.TotalSeconds;
                FinanceActiveTasks++;
            }
            else
            {
                ApproverActiveSeconds += (long)active.TotalSeconds;
                ApproverActiveTasks++;
            }
        }
    }

    /// <summary>What this claim adds to the rollup: nothing until it was submitted; then one cell per dimension.</summary>
    public Contribution Contribute(TimeZoneInfo zone)
    {
        var c = new Contribution();
        if (FirstSubmittedAt is not { } submitted)
        {
            return c;
        }

        var month = MonthOf(submitted, zone);
        var cells = new List<CellKey> { new(month, Dimension.All, string.Empty) };
        if (DepartmentId is { } d)
        {
            cells.Add(new(month, Dimension.Department, d.ToString()));
            c.Labels[cells[^1]] = (DepartmentName ?? d.ToString(), null);
        }

        if (Category is { Length: > 0 } category)
        {
            cells.Add(new(month, Dimension.Category, category));
            c.Labels[cells[^1]] = (category, null);
        }

        if (LegalEntityId is { } le)
        {
            cells.Add(new(month, Dimension.LegalEntity, le.ToString()));
            c.Labels[cells[^1]] = (LegalEntityName ?? le.ToString(), null);
        }

        var paidAt = PaidAt;
        var completed = ApprovedAt is not null || Rejected;
        var durations = new List<(Metric, TimeSpan)>();
        if (paidAt is { } p)
        {
            durations.Add((Metric.Cycle, p - submitted));
        }

        if (FirstUploadAt is { } upload && upload <= submitted)
        {
            durations.Add((Metric.Recognition, submitted - upload));
            durations.Add((Metric.EmployeeActive, submitted - upload));
        }

        if (ApprovedAt is { } approved)
        {
            var approval = approved - submitted - TimeSpan.FromSeconds(FinanceWaitSeconds);
            durations.Add((Metric.Approval, approval < TimeSpan.Zero ? TimeSpan.Zero : approval));
            if (HadFinanceReview)
            {
                durations.Add((Metric.Finance, TimeSpan.FromSeconds(FinanceWaitSeconds)));
            }

            if (paidAt is { } paid && paid >= approved)
            {
                durations.Add((Metric.Payment, paid - approved));
            }
        }

        if (ApproverActiveTasks > 0)
        {
            durations.Add((Metric.ApproverActive, TimeSpan.FromSeconds(ApproverActiveSeconds)));
        }

        if (FinanceActiveTasks > 0)
        {
            durations.Add((Metric.FinanceActive, TimeSpan.FromSeconds(FinanceActiveSeconds)));
        }

        foreach (var cell in cells)
        {
            c.Add(cell, Counter.ClaimLength, Counter.Submitted, 1);
            c.Add(cell, Counter.ClaimLength, Counter.AmountCents, (long)Math.Round(Amount * 100m, MidpointRounding.AwayFromZero));
            c.Add(cell, Counter.ClaimLength, Counter.Completed, completed ? 1 : 0);
            c.Add(cell, Counter.ClaimLength, Counter.FirstPass, ApprovedAt is not null && Returns == 0 ? 1 : 0);
            c.Add(cell, Counter.ClaimLength, Counter.Returned, Returns > 0 ? 1 : 0);
            c.Add(cell, Counter.ClaimLength, Counter.Rejected, Rejected ? 1 : 0);
            c.Add(cell, Counter.ClaimLength, Counter.Paid, paidAt is not null ? 1 : 0);
            c.Add(cell, Counter.ClaimLength, Counter.Touchless, IsTouchless ? 1 : 0);
            c.Add(cell, Counter.ClaimLength, Counter.FieldsProposed, FieldsProposed);
            c.Add(cell, Counter.ClaimLength, Counter.FieldsCorrected, FieldsCorrected);
            c.Add(cell, Counter.ClaimLength, Counter.SlaBreaches, SlaBreaches);
            foreach (var (metric, duration) in durations)
            {
                c.Add(cell, Counter.ClaimLength, Counter.MetricCount(metric), 1);
                c.Add(cell, Counter.ClaimLength, Counter.MetricSum(metric), (long)duration.TotalSeconds);
                c.Observe(metric, cell, duration);
            }
        }

        return c;
    }

    /// <summary>
    /// 无接触: paid by an automatically matched statement entry, never returned, no recognised field changed by hand and
    /// no line typed without a recognised receipt.
    /// </summary>
    public bool IsTouchless => PaidAt is not null && PaidAutomatically && Returns == 0 && FieldsCorrected == 0 && ManualLines == 0 && FieldsProposed > 0;

    public static DateOnly MonthOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
