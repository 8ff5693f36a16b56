using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Organization.Domain;

/// <summary>A node of the department tree, with the person who heads it.</summary>
public sealed class Department : AggregateRoot<Guid>
{
    private Department()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Guid? ParentId { get; private set; }

    public Guid? HeadPersonId { get; private set; }

    public static Department Create(Guid id, string code, string name) =>
        new() { Id = id, Code = Guard.Text(code, "Code", "编码", 32), Name = Guard.Text(name, "Name", "名称", 100) };

    public void Rename(string code, string name)
    {
        Code = Guard.Text(code, "Code", "编码", 32);
        Name = Guard.Text(name, "Name", "名称", 100);
    }

    /// <summary>Moves the department; <paramref name="parentChain"/> is the new parent's line up to the root.</summary>
    public void MoveUnder(Guid? parentId, IReadOnlyCollection<Guid> parentChain)
    {
        ArgumentNullException.ThrowIfNull(parentChain);
        if (parentId is { } p && (p == Id || parentChain.Contains(Id)))
        {
            throw new DomainException(OrganizationErrors.DepartmentCycle);
        }

        ParentId = parentId;
    }

    public void SetHead(Guid? personId) => HeadPersonId = personId;
}

public sealed class Grade : Entity<string>
{
    private Grade()
    {
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Higher ranks are more senior; policies compare ranks.</summary>
    public int Rank { get; private set; }

    public static Grade Create(string code, string name, int rank) =>
        new() { Id = Guard.Text(code, "Code", "编码", 32), Name = Guard.Text(name, "Name", "名称", 100), Rank = rank };

    public void Update(string name, int rank)
    {
        Name = Guard.Text(name, "Name", "名称", 100);
        Rank = rank;
    }
}

public sealed class CostCentre : Entity<string>
{
    private CostCentre()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public static CostCentre Create(string code, string name) =>
        new() { Id = Guard.Text(code, "Code", "编码", 32), Name = Guard.Text(name, "Name", "名称", 100) };

    public void Update(string name, bool isActive)
    {
        Name = Guard.Text(name, "Name", "名称", 100);
        IsActive = isActive;
    }
}
