using ExpenseFlow.BuildingBlocks.Domain;

namespace ExpenseFlow.Expenses.Domain.Policies;

/// <summary>A configurable expense category (travel, hotel, meals, ...), named in both languages.</summary>
public sealed class ExpenseCategory : Entity<string>
{
    private ExpenseCategory()
    {
    }

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    /// <summary>Personal invoices (购买方 "个人") are acceptable for this category.</summary>
    public bool AllowsPersonalInvoice { get; private set; }

    public static ExpenseCategory Create(string code, string nameZh, string nameEn, bool allowsPersonalInvoice = false) =>
        new() { Id = code, NameZh = nameZh, NameEn = nameEn, AllowsPersonalInvoice = allowsPersonalInvoice };

    public void Update(string nameZh, string nameEn, bool isActive, bool allowsPersonalInvoice)
    {
        NameZh = nameZh;
        NameEn = nameEn;
        IsActive = isActive;
        AllowsPersonalInvoice = allowsPersonalInvoice;
    }
}

/// <summary>Limits for a category, for one grade or (grade null) for everyone; amounts in the base currency.</summary>
public sealed class CategoryLimit : Entity<Guid>
{
    private CategoryLimit()
    {
    }

    public string Category { get; private set; } = string.Empty;

    public string? GradeCode { get; private set; }

    public decimal? PerItem { get; private set; }

    public decimal? PerDay { get; private set; }

    public decimal? PerMonth { get; private set; }

    public static CategoryLimit Create(Guid id, string category, string? gradeCode, decimal? perItem, decimal? perDay, decimal? perMonth) =>
        new() { Id = id, Category = category, GradeCode = gradeCode, PerItem = perItem, PerDay = perDay, PerMonth = perMonth };

    public void Update(decimal? perItem, decimal? perDay, decimal? perMonth)
    {
        PerItem = perItem;
        PerDay = perDay;
        PerMonth = perMonth;
    }
}

/// <summary>How many units of the base currency one unit of <see cref="Entity{TId}.Id"/> buys, as configured.</summary>
public sealed class ExchangeRate : Entity<string>
{
    private ExchangeRate()
    {
    }

    public decimal Rate { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public static ExchangeRate Create(string currency, decimal rate, DateOnly effectiveFrom) => new() { Id = currency, Rate = rate, EffectiveFrom = effectiveFrom };

    public void Update(decimal rate, DateOnly effectiveFrom)
    {
        Rate = rate;
        EffectiveFrom = effectiveFrom;
    }
}

/// <summary>The company-wide policy switches; each rule is off, a warning needing justification, or blocking.</summary>
public sealed class PolicySettings : Entity<int>
{
    private PolicySettings()
    {
    }

    public string BaseCurrency { get; private set; } = "CNY";

    public PolicySeverity BuyerCheck { get; private set; } = PolicySeverity.Block;

    public PolicySeverity InvoiceDateWindow { get; private set; } = PolicySeverity.Warn;

    public int InvoiceMaxAgeDays { get; private set; } = 180;

    public PolicySeverity CategoryLimits { get; private set; } = PolicySeverity.Warn;

    public PolicySeverity ReceiptRequired { get; private set; } = PolicySeverity.Block;

    public decimal ReceiptRequiredAbove { get; private set; } = 200m;

    public PolicySeverity DuplicateInvoice => PolicySeverity.Block;

    /// <summary>差标 on tickets: seat class or cabin for the grade, the traveller, the travel date within the trip.</summary>
    public PolicySeverity TravelPolicy { get; private set; } = PolicySeverity.Warn;

    public static PolicySettings Default() => new() { Id = 1 };

    public void Update(string baseCurrency, PolicySeverity buyerCheck, PolicySeverity invoiceDateWindow, int invoiceMaxAgeDays,
        PolicySeverity categoryLimits, PolicySeverity receiptRequired, decimal receiptRequiredAbove, PolicySeverity? travelPolicy = null)
    {
        TravelPolicy = travelPolicy ?? TravelPolicy;
        BaseCurrency = baseCurrency;
        BuyerCheck = buyerCheck;
        InvoiceDateWindow = invoiceDateWindow;
        InvoiceMaxAgeDays = Math.Clamp(invoiceMaxAgeDays, 1, 3650);
        CategoryLimits = categoryLimits;
        ReceiptRequired = receiptRequired;
        ReceiptRequiredAbove = Math.Max(0, receiptRequiredAbove);
    }
}
