using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Approvals.Domain.Flows;

/// <summary>
/// An approval flow: the first active flow (by priority) whose condition matches a claim applies; the default flow
/// matches everything and cannot be switched off. Each edit adds a version; approvals keep the version they started with.
/// </summary>
public sealed class ApprovalFlow : AggregateRoot<Guid>
{
    private readonly List<FlowVersion> _versions = [];

    private ApprovalFlow()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>Lower first; the default flow is always tried last.</summary>
    public int Priority { get; private set; }

    public bool IsDefault { get; private set; }

    public bool IsActive { get; private set; }

    public int CurrentVersion { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public IReadOnlyList<FlowVersion> Versions => _versions;

    public static ApprovalFlow Create(Guid id, string code, string name, int priority, bool isDefault, string definitionJson, bool hasCondition, Guid? actor, DateTimeOffset at)
    {
        var flow = new ApprovalFlow { Id = id, IsDefault = isDefault, IsActive = true };
        flow.Rename(code, name, priority);
        flow.Revise(definitionJson, hasCondition, actor, at);
        return flow;
    }

    public void Rename(string code, string name, int priority)
    {
        Code = Text(code, 40);
        Name = Text(name, 100);
        Priority = Math.Clamp(priority, 0, 10_000);
    }

    /// <summary>Stores a new version; running approvals keep theirs.</summary>
    public FlowVersion Revise(string definitionJson, bool hasCondition, Guid? actor, DateTimeOffset at)
    {
        if (IsDefault && hasCondition)
        {
            throw new DomainException(ApprovalsErrors.DefaultFlowRequired);
        }

        var version = new FlowVersion(Guid.CreateVersion7(), Id, CurrentVersion + 1, definitionJson, actor, at);
        _versions.Add(version);
        CurrentVersion = version.Version;
        UpdatedAt = at;
        UpdatedBy = actor;
        return version;
    }

    public void SetActive(bool active, Guid? actor, DateTimeOffset at)
    {
        if (IsDefault && !active)
        {
            throw new DomainException(ApprovalsErrors.DefaultFlowRequired);
        }

        IsActive = active;
        UpdatedAt = at;
        UpdatedBy = actor;
    }

    private static string Text(string value, int max)
    {
        var t = (value ?? string.Empty).Trim();
        return t.Length is > 0 ? t[..Math.Min(max, t.Length)] : throw new DomainException(new Error("Approvals.Required", ErrorKind.Validation, "Code and name are required.", "编码和名称为必填项。"));
    }
}

/// <summary>An immutable version of a flow's definition (JSON, validated when saved).</summary>
public sealed class FlowVersion : Entity<Guid>
{
    private FlowVersion()
    {
    }

    internal FlowVersion(Guid id, Guid flowId, int version, string definitionJson, Guid? createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        FlowId = flowId;
        Version = version;
        DefinitionJson = definitionJson;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid FlowId { get; private set; }

    public int Version { get; private set; }

    public string DefinitionJson { get; private set; } = "{}";

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
