using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Organization.Domain.Access;

public enum RoleGrantStatus
{
    Pending,
    Confirmed,
    Rejected,
}

/// <summary>
/// Roles an administrator asked to add that one administrator alone may not give (see <see cref="SegregationOfDuties"/>):
/// they take effect when a second administrator, neither the requester nor the person, confirms them.
/// </summary>
public sealed class RoleGrant : AggregateRoot<Guid>
{
    private RoleGrant()
    {
    }

    public Guid PersonId { get; private set; }

    public string[] Roles { get; private set; } = [];

    public string Reason { get; private set; } = string.Empty;

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public RoleGrantStatus Status { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public static RoleGrant Request(Guid personId, IReadOnlyList<string> roles, string reason, Guid requestedBy, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(), PersonId = personId, Roles = [.. roles], Reason = reason, RequestedBy = requestedBy, RequestedAt = at };

    public void Decide(bool confirm, Guid decider, DateTimeOffset at)
    {
        if (Status != RoleGrantStatus.Pending)
        {
            throw new DomainException(OrganizationErrors.GrantAlreadyDecided);
        }

        if (decider == RequestedBy || decider == PersonId)
        {
            throw new DomainException(OrganizationErrors.GrantNeedsAnotherAdministrator);
        }

        Status = confirm ? RoleGrantStatus.Confirmed : RoleGrantStatus.Rejected;
        DecidedBy = decider;
        DecidedAt = at;
    }
}
