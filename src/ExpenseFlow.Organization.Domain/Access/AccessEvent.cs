namespace ExpenseFlow.Organization.Domain.Access;

/// <summary>
/// One change of who may do what (roles, activation, passwords, grants): an append-only log, refused UPDATE and
/// DELETE by a database trigger, so an administrator cannot change their own history.
/// </summary>
public sealed class AccessEvent
{
    private AccessEvent()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who made the change; null for the system (seeding, directory sync).</summary>
    public Guid? ActorId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>RolesChanged | Deactivated | Activated | PasswordSet | GrantRequested | GrantConfirmed | GrantRejected.</summary>
    public string Kind { get; private set; } = string.Empty;

    public string[] RolesBefore { get; private set; } = [];

    public string[] RolesAfter { get; private set; } = [];

    public Guid? GrantId { get; private set; }

    public static AccessEvent Create(DateTimeOffset at, Guid? actorId, Guid personId, string kind,
        IReadOnlyList<string>? before = null, IReadOnlyList<string>? after = null, Guid? grantId = null) =>
        new()
        {
            At = at, ActorId = actorId, PersonId = personId, Kind = kind, RolesBefore = [.. before ?? []], RolesAfter = [.. after ?? []], GrantId = grantId,
        };
}
