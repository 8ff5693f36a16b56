using ExpenseFlow.BuildingBlocks.Domain;

namespace ExpenseFlow.Organization.Domain;

/// <summary>Someone in the company directory; the login (Identity user) shares this id.</summary>
public sealed class Person : AggregateRoot<Guid>
{
    private Person()
    {
    }

    public string EmployeeNo { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string? Phone { get; private set; }

    public Guid? DepartmentId { get; private set; }

    public string? GradeCode { get; private set; }

    public Guid? ManagerId { get; private set; }

    public string? CostCentreCode { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static Person Create(Guid id, string employeeNo, string displayName, string email, string? phone)
    {
        var person = new Person { Id = id };
        person.Rename(employeeNo, displayName, email, phone);
        return person;
    }

    public void Rename(string employeeNo, string displayName, string email, string? phone)
    {
        EmployeeNo = Guard.Text(employeeNo, "Employee number", "工号", 32);
        DisplayName = Guard.Text(displayName, "Name", "姓名", 100);
        Email = Guard.Email(email);
        Phone = Guard.Optional(phone, "Phone", "电话", 32);
    }

    /// <summary>Places the person; <paramref name="managerChain"/> is the chosen manager's own line upwards, to refuse loops.</summary>
    public void Place(Guid? departmentId, string? gradeCode, Guid? managerId, IReadOnlyCollection<Guid> managerChain, string? costCentreCode)
    {
        ArgumentNullException.ThrowIfNull(managerChain);
        if (managerId is { } m && (m == Id || managerChain.Contains(Id)))
        {
            throw new BuildingBlocks.Errors.DomainException(OrganizationErrors.ManagerCycle);
        }

        DepartmentId = departmentId;
        GradeCode = gradeCode;
        ManagerId = managerId;
        CostCentreCode = costCentreCode;
    }

    public void SetActive(bool active) => IsActive = active;
}
