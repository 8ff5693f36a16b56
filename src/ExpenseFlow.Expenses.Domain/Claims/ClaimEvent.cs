namespace ExpenseFlow.Expenses.Domain.Claims;

/// <summary>
/// One entry of a claim's append-only event log: every transition and edit with actor, time and reason.
/// KPIs and ROI are computed from this log, so rows are never updated or deleted (a database trigger refuses it).
/// </summary>
public sealed class ClaimEvent
{
    private ClaimEvent()
    {
    }

    public long Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public ClaimStatus? FromStatus { get; private set; }

    public ClaimStatus ToStatus { get; private set; }

    public Guid ActorId { get; private set; }

    /// <summary>Set when the actor decided for someone else (delegation).</summary>
    public Guid? OnBehalfOfId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Facts of the step as JSON (amounts, corrected fields, findings), for the timeline and for KPIs.</summary>
    public string? Data { get; private set; }

    internal static ClaimEvent Create(Guid claimId, string type, ClaimStatus? from, ClaimStatus to, Guid actor, DateTimeOffset at, string? reason, string? data, Guid? onBehalfOf = null) =>
        new() { ClaimId = claimId, Type = type, FromStatus = from, ToStatus = to, ActorId = actor, At = at, Reason = reason, Data = data, OnBehalfOfId = onBehalfOf };
}
