using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Expenses.Domain.Claims;

/// <summary>The invoice facts of a line as the employee finally submits them (recognition's proposal is kept on the receipt).</summary>
public sealed record InvoiceFields
{
    public string? InvoiceType { get; init; }
    public string? InvoiceCode { get; init; }
    public string? InvoiceNumber { get; init; }
    public DateOnly? IssueDate { get; init; }
    public string? CheckCode { get; init; }
    public decimal? AmountExcludingTax { get; init; }
    public decimal? TaxAmount { get; init; }
    public decimal? TotalAmount { get; init; }
    public string? SellerName { get; init; }
    public string? SellerTaxId { get; init; }
    public string? BuyerName { get; init; }
    public string? BuyerTaxId { get; init; }

    /// <summary>
    /// The identity an invoice is claimed under, once in the company's life (see <see cref="InvoiceIdentity"/>): null
    /// when the line carries no number, or a traditional number without its code.
    /// </summary>
    public string? InvoiceKey => InvoiceIdentity.Read(InvoiceCode, InvoiceNumber).Key;
}

public sealed class ClaimLine : Entity<Guid>
{
    private ClaimLine()
    {
    }

    public Guid ClaimId { get; private set; }

    public int Position { get; private set; }

    public string Category { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    /// <summary>Rate used to convert into the claim's base currency, fixed when the line was last saved.</summary>
    public decimal ExchangeRate { get; private set; } = 1m;

    public decimal AmountInBase { get; private set; }

    public DateOnly ExpenseDate { get; private set; }

    public string? CostCentreCode { get; private set; }

    public string? Description { get; private set; }

    public List<Guid> ReceiptIds { get; private set; } = [];

    public InvoiceFields Invoice { get; private set; } = new();

    /// <summary>Which document of a file holding several (a 粘贴单) this line is, counted from 0; null for a file of one.</summary>
    public int? DocumentIndex { get; private set; }

    internal static ClaimLine Create(Guid id, Guid claimId, int position) => new() { Id = id, ClaimId = claimId, Position = position };

    internal void Update(LineDraft draft, decimal rate)
    {
        Category = string.IsNullOrWhiteSpace(draft.Category) ? throw new DomainException(ExpensesErrors.Required("Category", "费用类别")) : draft.Category.Trim();
        if (draft.Amount <= 0)
        {
            throw new DomainException(ExpensesErrors.AmountNotPositive);
        }

        var currency = (draft.Currency ?? string.Empty).Trim().ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException(ExpensesErrors.InvalidCurrency(draft.Currency ?? string.Empty));
        }

        Amount = decimal.Round(draft.Amount, 2, MidpointRounding.AwayFromZero);
        Currency = currency;
        ExchangeRate = rate;
        AmountInBase = decimal.Round(Amount * rate, 2, MidpointRounding.AwayFromZero);
        ExpenseDate = draft.ExpenseDate;
        CostCentreCode = string.IsNullOrWhiteSpace(draft.CostCentreCode) ? null : draft.CostCentreCode.Trim();
        Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim()[..Math.Min(500, draft.Description.Trim().Length)];
        ReceiptIds = draft.ReceiptIds?.Distinct().ToList() ?? [];
        Invoice = draft.Invoice ?? new InvoiceFields();
        DocumentIndex = draft.DocumentIndex is { } index && ReceiptIds.Count > 0
            ? index is >= 0 and < MaxDocumentsPerFile ? index : throw new DomainException(ExpensesErrors.DocumentIndexInvalid)
            : null;
    }

    /// <summary>Documents one file can hold: far above any sheet of tickets.</summary>
    public const int MaxDocumentsPerFile = 50;

    /// <summary>The code and number read from the line's own document replace what was typed (or left blank).</summary>
    internal void AdoptIdentity(string? code, string? number) => Invoice = Invoice with { InvoiceCode = code, InvoiceNumber = number };
}

/// <summary>What an employee enters for one line.</summary>
public sealed record LineDraft(
    string Category, decimal Amount, string Currency, DateOnly ExpenseDate, string? CostCentreCode, string? Description,
    IReadOnlyList<Guid>? ReceiptIds, InvoiceFields? Invoice, int? DocumentIndex = null);
