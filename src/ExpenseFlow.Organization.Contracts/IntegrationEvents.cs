using ExpenseFlow.BuildingBlocks.Events;

namespace ExpenseFlow.Organization.Contracts;

/// <summary>A person joined the company directory (created by an administrator or by CSV import).</summary>
public sealed record PersonRegistered(Guid PersonId, string EmployeeNo, string DisplayName, Guid? DepartmentId, Guid? ManagerId) : IntegrationEvent;

/// <summary>A person's place in the organization changed (department, manager, grade, cost centre or activity).</summary>
public sealed record PersonChanged(Guid PersonId, Guid? DepartmentId, Guid? ManagerId, string? GradeCode, string? CostCentreCode, bool IsActive) : IntegrationEvent;

/// <summary>A person handed their decisions to someone else for a date range.</summary>
public sealed record DelegationCreated(Guid DelegationId, Guid FromPersonId, Guid ToPersonId, DateOnly StartDate, DateOnly EndDate) : IntegrationEvent;

/// <summary>
/// Something changed about where a person is paid (an account added, updated, made default, removed, or a change confirmed
/// or rejected). Carries no account data: receivers ask <see cref="IOrganizationDirectory.GetPayoutAsync"/> for the state
/// now, so events arriving late or out of order cannot make them pay an account that is no longer the right one.
/// </summary>
public sealed record PayeeAccountChanged(Guid PersonId, Guid AccountId, string Change, DateTimeOffset At) : IntegrationEvent;
