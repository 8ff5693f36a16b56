namespace ExpenseFlow.Approvals.Contracts;

/// <summary>Who has approval tasks waiting right now (today's queues, for the breakpoint view).</summary>
public interface IApprovalQueueReader
{
    Task<IReadOnlyList<OpenQueue>> OpenQueuesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>An assignee's waiting tasks: how many, since when the oldest waits, how many are past their deadline.</summary>
public sealed record OpenQueue(Guid AssigneeId, string AssigneeName, int Open, DateTimeOffset OldestWaitingSince, int Overdue);
