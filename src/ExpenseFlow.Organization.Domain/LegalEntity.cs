using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Organization.Domain;

/// <summary>A company of the group that buys (invoice 抬头) and pays; identified by its unified social credit code.</summary>
public sealed class LegalEntity : AggregateRoot<Guid>
{
    private LegalEntity()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string TaxId { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? BankName { get; private set; }

    public string? BankAccountNumber { get; private set; }

    public static LegalEntity Create(Guid id, string name, string taxId)
    {
        var entity = new LegalEntity { Id = id };
        entity.Update(name, taxId, null, null, null, null);
        return entity;
    }

    public void Update(string name, string taxId, string? address, string? phone, string? bankName, string? bankAccountNumber)
    {
        var code = UnifiedSocialCreditCode.Normalize(taxId);
        if (!UnifiedSocialCreditCode.IsValid(code))
        {
            throw new DomainException(OrganizationErrors.InvalidTaxId(taxId ?? string.Empty));
        }

        Name = Guard.Text(name, "Name", "名称", 200);
        TaxId = code;
        Address = Guard.Optional(address, "Address", "地址", 300);
        Phone = Guard.Optional(phone, "Phone", "电话", 32);
        BankName = Guard.Optional(bankName, "Bank", "开户行", 100);
        BankAccountNumber = string.IsNullOrWhiteSpace(bankAccountNumber) ? null : Guard.Digits(bankAccountNumber, 8, 32, OrganizationErrors.InvalidAccountNumber);
    }
}
