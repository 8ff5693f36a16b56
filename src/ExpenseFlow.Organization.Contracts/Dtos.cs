namespace ExpenseFlow.Organization.Contracts;

public sealed record CurrentUserDto(Guid UserId, Guid? PersonId, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

public sealed record PersonListItemDto(
    Guid Id, string EmployeeNo, string DisplayName, string Email, Guid? DepartmentId, string? DepartmentName, string? GradeCode,
    Guid? ManagerId, string? ManagerName, string? CostCentreCode, IReadOnlyList<string> Roles, bool IsActive);

public sealed record PersonDto(
    Guid Id, string EmployeeNo, string DisplayName, string Email, string? Phone, Guid? DepartmentId, string? DepartmentName,
    string? GradeCode, Guid? ManagerId, string? ManagerName, string? CostCentreCode, IReadOnlyList<string> Roles, bool IsActive,
    IReadOnlyList<BankAccountDto> BankAccounts, IReadOnlyList<string>? PendingRoles = null);

/// <summary>Roles one administrator asked for that wait for a second administrator (segregation of duties).</summary>
public sealed record RoleGrantDto(
    Guid Id, Guid PersonId, string PersonName, IReadOnlyList<string> Roles, string Reason, Guid RequestedBy, string RequestedByName,
    DateTimeOffset RequestedAt, string Status, Guid? DecidedBy, DateTimeOffset? DecidedAt);

/// <param name="Status">Active, or Pending while the change that added it waits for Finance.</param>
/// <param name="PendingChangeId">The open change awaiting a decision on this account, if any.</param>
public sealed record BankAccountDto(
    Guid Id, Guid PersonId, string AccountName, string BankName, string? CnapsCode, string AccountNumberMasked, string? AccountNumber, bool IsDefault,
    string Status = "Active", Guid? PendingChangeId = null, DateTimeOffset? ChangedAt = null, DateTimeOffset? ConfirmedAt = null);

/// <summary>A change to someone's bank accounts, as Finance decides it and as the owner is told of it.</summary>
/// <param name="Awaiting">Confirmation (pending: nothing of it is used until decided), Period (the owner's own change, held until
/// <paramref name="ClearsAt"/> unless confirmed earlier) or null (decided).</param>
public sealed record BankAccountChangeDto(
    Guid Id, Guid PersonId, string PersonName, string EmployeeNo, Guid AccountId, string Kind, string Status, bool MakesDefault,
    string AccountName, string BankName, string? CnapsCode, string AccountNumberMasked, string? AccountNumber,
    Guid MadeBy, string? MadeByName, DateTimeOffset MadeAt, Guid? DecidedBy, string? DecidedByName, DateTimeOffset? DecidedAt, string? Note,
    string? Awaiting, DateTimeOffset? ClearsAt);

/// <summary>One line of a person's bank account audit log (numbers always masked here).</summary>
public sealed record BankAccountLogDto(
    long Id, Guid AccountId, Guid? ChangeId, string Type, string? Outcome, Guid ActorId, string? ActorName, bool ByOwner, DateTimeOffset At,
    string AccountName, string BankName, string AccountNumberMasked, string? Note);

public sealed record DepartmentDto(Guid Id, string Code, string Name, Guid? ParentId, Guid? HeadPersonId, string? HeadName);

public sealed record GradeDto(string Code, string Name, int Rank);

public sealed record CostCentreDto(string Code, string Name, bool IsActive);

public sealed record LegalEntityDto(Guid Id, string Name, string TaxId, string? Address, string? Phone, string? BankName, string? BankAccountNumber);

public sealed record DelegationDto(Guid Id, Guid FromPersonId, string FromName, Guid ToPersonId, string ToName, DateOnly StartDate, DateOnly EndDate, string? Reason);


public sealed record ImportRowResult(int Row, string? EmployeeNo, string Status, IReadOnlyList<string> Errors);

public sealed record ImportReport(int Created, int Updated, int Rejected, IReadOnlyList<ImportRowResult> Rows);

/// <summary>What any colleague may know of a person: for pickers.</summary>
public sealed record PersonLookupDto(Guid Id, string EmployeeNo, string DisplayName, string? DepartmentName);
