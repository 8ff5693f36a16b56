namespace ExpenseFlow.Organization.Contracts;

/// <summary>Read-only questions other modules ask about the organization.</summary>
public interface IOrganizationDirectory
{
    Task<PersonSummary?> FindPersonAsync(Guid personId, CancellationToken cancellationToken);

    Task<PersonSummary?> FindPersonByEmployeeNoAsync(string employeeNo, CancellationToken cancellationToken);

    /// <summary>The person's manager <paramref name="levels"/> levels up the reporting line, if the line is that long.</summary>
    Task<PersonSummary?> FindManagerAsync(Guid personId, int levels, CancellationToken cancellationToken);

    Task<PersonSummary?> FindDepartmentHeadAsync(Guid departmentId, CancellationToken cancellationToken);

    /// <summary>Active people holding a role.</summary>
    Task<IReadOnlyList<PersonSummary>> FindPeopleInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>Who decides for <paramref name="personId"/> on <paramref name="date"/>, when a delegation covers that day.</summary>
    Task<PersonSummary?> FindDelegateAsync(Guid personId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>People who handed their decisions to <paramref name="delegateId"/> for a range covering <paramref name="date"/>.</summary>
    Task<IReadOnlyList<Guid>> FindDelegatorsAsync(Guid delegateId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>The department and its parents up to the root, nearest first.</summary>
    Task<IReadOnlyList<DepartmentDto>> GetDepartmentChainAsync(Guid departmentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<GradeDto>> GetGradesAsync(CancellationToken cancellationToken);

    /// <summary>Names of the given people (missing ids are left out).</summary>
    Task<IReadOnlyDictionary<Guid, string>> GetNamesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    /// <summary>
    /// Where the person is paid now and whether it may be paid: the default account, held while a change to it waits for
    /// Finance or while an unconfirmed change is recent. Pending accounts are never returned.
    /// </summary>
    Task<Payout> GetPayoutAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary><see cref="GetPayoutAsync"/> for many people at once (a batch of thousands asks once).</summary>
    Task<IReadOnlyDictionary<Guid, Payout>> GetPayoutsAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<LegalEntityDto>> GetLegalEntitiesAsync(CancellationToken cancellationToken);
}

public sealed record PersonSummary(Guid Id, string EmployeeNo, string DisplayName, string Email, Guid? DepartmentId, string? GradeCode, Guid? ManagerId, string? CostCentreCode, bool IsActive);

/// <summary>A payout account; <see cref="ChangedAt"/>/<see cref="ChangedBy"/> say when and by whom it last became what it is (null: before the control).</summary>
public sealed record PayeeAccount(
    Guid AccountId, Guid PersonId, string AccountName, string AccountNumber, string BankName, string? CnapsCode,
    DateTimeOffset? ChangedAt, Guid? ChangedBy, DateTimeOffset? ConfirmedAt, Guid? ConfirmedBy);

/// <summary>The person's payout: the account (null when none), and a hold (<see cref="PayoutHolds"/>) with when a waiting period ends.</summary>
public sealed record Payout(Guid PersonId, PayeeAccount? Account, string? Hold, DateTimeOffset? ClearsAt);

/// <summary>Why a payout may not be paid now; Payments uses them as its payables' hold reasons.</summary>
public static class PayoutHolds
{
    /// <summary>A change to where the person is paid waits for a Finance confirmation.</summary>
    public const string Pending = "BankAccountPending";

    /// <summary>The account changed recently and nobody else confirmed it: paid once the waiting period has passed.</summary>
    public const string RecentlyChanged = "BankAccountRecentlyChanged";
}
