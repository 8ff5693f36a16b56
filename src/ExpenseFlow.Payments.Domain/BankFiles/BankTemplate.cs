using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// A bank's batch-payment template as Finance keeps it: a code (the file formats are <c>{code}-csv</c> and
/// <c>{code}-xlsx</c>), a name, the column profile (validated by <see cref="BankTemplateRules"/>) and whether it is offered.
/// Files already generated are stored, so changing a template never changes a file a bank may have received.
/// </summary>
public sealed class BankTemplate : AggregateRoot<Guid>
{
    public const string CsvSuffix = "-csv";
    public const string XlsxSuffix = "-xlsx";

    private BankTemplate()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The <see cref="BankTemplateProfile"/> as JSON.</summary>
    public string ProfileJson { get; private set; } = "{}";

    public bool IsActive { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static BankTemplate Create(string code, string name, BankTemplateProfile profile, Guid? actor, DateTimeOffset at)
    {
        if (BankTemplateRules.CodeProblem(code) is { } problem)
        {
            throw new DomainException(PaymentsErrors.InvalidTemplate([problem]));
        }

        var template = new BankTemplate { Id = Guid.CreateVersion7(), Code = code, IsActive = true };
        template.Revise(name, profile, actor, at);
        return template;
    }

    public void Revise(string name, BankTemplateProfile profile, Guid? actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.EnsureUsable();
        if (BankTemplateRules.NameProblem(name) is { } problem)
        {
            throw new DomainException(PaymentsErrors.InvalidTemplate([problem]));
        }

        Name = name.Trim();
        ProfileJson = (profile with { Id = Code }).ToJson();
        Touch(actor, at);
    }

    public void SetActive(bool active, Guid? actor, DateTimeOffset at)
    {
        IsActive = active;
        Touch(actor, at);
    }

    public BankTemplateProfile Profile() => BankTemplateProfile.FromJson(ProfileJson);

    public string CsvFormat => Code + CsvSuffix;

    public string XlsxFormat => Code + XlsxSuffix;

    /// <summary>The template code a format names (<c>ccb-csv</c> → <c>ccb</c>, xlsx = false), or null for any other format.</summary>
    public static (string Code, bool Xlsx)? ParseFormat(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (format.EndsWith(CsvSuffix, StringComparison.Ordinal) && BankTemplateRules.IsValidCode(format[..^CsvSuffix.Length]))
        {
            return (format[..^CsvSuffix.Length], false);
        }

        return format.EndsWith(XlsxSuffix, StringComparison.Ordinal) && BankTemplateRules.IsValidCode(format[..^XlsxSuffix.Length])
            ? (format[..^XlsxSuffix.Length], true)
            : null;
    }

    private void Touch(Guid? actor, DateTimeOffset at)
    {
        UpdatedBy = actor;
        UpdatedAt = at;
    }
}
