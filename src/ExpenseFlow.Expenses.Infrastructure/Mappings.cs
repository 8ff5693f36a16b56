using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Domain.Receipts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpenseFlow.Expenses.Infrastructure;

internal sealed class ClaimMap : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.ToTable("claims");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Title).HasMaxLength(ExpensesLimits.Title);
        b.Property(x => x.BaseCurrency).HasMaxLength(ExpensesLimits.Currency);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TotalInBase).HasPrecision(18, 2);
        b.OwnsMany(x => x.Findings, f =>
        {
            f.ToJson("findings");
            f.Property(p => p.Severity).HasConversion<string>();
        });
        b.Property(x => x.Travellers).HasColumnType("text[]");
        b.ToTable(t => t.HasCheckConstraint("ck_claims_trip", "(trip_start IS NULL) = (trip_end IS NULL) AND (trip_start IS NULL OR trip_start <= trip_end)"));
        b.HasIndex(x => new { x.EmployeeId, x.CreatedAt });
        b.HasIndex(x => new { x.EmployeeId, x.Status });
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClaimLineMap : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> b)
    {
        b.ToTable("claim_lines");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Category).HasMaxLength(ExpensesLimits.Code);
        b.Property(x => x.Currency).HasMaxLength(ExpensesLimits.Currency);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.AmountInBase).HasPrecision(18, 2);
        b.Property(x => x.ExchangeRate).HasPrecision(18, 8);
        b.Property(x => x.CostCentreCode).HasMaxLength(ExpensesLimits.Code);
        b.Property(x => x.Description).HasMaxLength(ExpensesLimits.Description);
        b.OwnsOne(x => x.Invoice, i => i.ToJson("invoice"));
        b.ToTable(t => t.HasCheckConstraint("ck_claim_lines_document_index", $"document_index IS NULL OR document_index BETWEEN 0 AND {ClaimLine.MaxDocumentsPerFile - 1}"));
        b.HasIndex(x => x.ClaimId);
    }
}

internal sealed class ClaimEventMap : IEntityTypeConfiguration<ClaimEvent>
{
    public void Configure(EntityTypeBuilder<ClaimEvent> b)
    {
        b.ToTable("claim_events");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Type).HasMaxLength(32);
        b.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(ExpensesLimits.Reason);
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.HasIndex(x => new { x.ClaimId, x.Id });
        b.HasIndex(x => new { x.Type, x.At });
    }
}

internal sealed class ReceiptMap : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable("receipts");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.FileName).HasMaxLength(Receipt.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(Receipt.MaxContentTypeLength);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DocumentKind).HasMaxLength(16);
        b.Property(x => x.ProposedCurrency).HasMaxLength(3);
        b.Property(x => x.Error).HasMaxLength(500);
        b.Property(x => x.ResultJson).HasColumnType("jsonb");
        b.OwnsOne(x => x.Proposed, i => i.ToJson("proposed"));
        b.HasIndex(x => new { x.OwnerId, x.UploadedAt });
        b.HasIndex(x => x.ContentHash);
        b.HasIndex(x => x.Status).HasFilter("status IN ('Pending','Running')");
    }
}

internal sealed class ClaimedInvoiceMap : IEntityTypeConfiguration<ClaimedInvoice>
{
    public void Configure(EntityTypeBuilder<ClaimedInvoice> b)
    {
        b.ToTable("claimed_invoices");
        b.HasKey(x => x.InvoiceKey);
        b.Property(x => x.InvoiceKey).HasMaxLength(100);
        b.HasIndex(x => x.ClaimId);
    }
}

internal sealed class NotedIdentityMap : IEntityTypeConfiguration<NotedIdentity>
{
    public void Configure(EntityTypeBuilder<NotedIdentity> b)
    {
        b.ToTable("noted_identities");
        b.HasKey(x => new { x.IdentityKey, x.ClaimId });
        b.Property(x => x.IdentityKey).HasMaxLength(100);
        b.HasIndex(x => x.ClaimId);
    }
}

internal sealed class ClaimedReceiptFileMap : IEntityTypeConfiguration<ClaimedReceiptFile>
{
    public void Configure(EntityTypeBuilder<ClaimedReceiptFile> b)
    {
        b.ToTable("claimed_receipt_files");
        b.HasKey(x => x.ContentHash);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.HasIndex(x => x.ClaimId);
    }
}

internal sealed class IdempotentRequestMap : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.ToTable("idempotent_requests");
        b.HasKey(x => new { x.UserId, x.Key });
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Operation).HasMaxLength(100);
        b.Property(x => x.Response).HasColumnType("jsonb");
    }
}

internal sealed class PolicyMaps :
    IEntityTypeConfiguration<ExpenseCategory>, IEntityTypeConfiguration<CategoryLimit>, IEntityTypeConfiguration<ExchangeRate>, IEntityTypeConfiguration<PolicySettings>,
    IEntityTypeConfiguration<TravelClassRule>
{
    public void Configure(EntityTypeBuilder<TravelClassRule> b)
    {
        b.ToTable("travel_class_rules");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.GradeCode).HasMaxLength(ExpensesLimits.Code);
        b.Property(x => x.TrainClasses).HasColumnType("text[]");
        b.Property(x => x.AirCabins).HasColumnType("text[]");
        b.HasIndex(x => x.GradeCode).IsUnique().AreNullsDistinct(false);
    }

    public void Configure(EntityTypeBuilder<ExpenseCategory> b)
    {
        b.ToTable("categories");
        b.Property(x => x.Id).HasColumnName("code").HasMaxLength(ExpensesLimits.Code);
        b.Property(x => x.NameZh).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(50);
    }

    public void Configure(EntityTypeBuilder<CategoryLimit> b)
    {
        b.ToTable("category_limits");
        b.Property(x => x.Category).HasMaxLength(ExpensesLimits.Code);
        b.Property(x => x.GradeCode).HasMaxLength(ExpensesLimits.Code);
        b.Property(x => x.PerItem).HasPrecision(18, 2);
        b.Property(x => x.PerDay).HasPrecision(18, 2);
        b.Property(x => x.PerMonth).HasPrecision(18, 2);
        b.HasIndex(x => new { x.Category, x.GradeCode }).IsUnique().AreNullsDistinct(false);
        b.HasOne<ExpenseCategory>().WithMany().HasForeignKey(x => x.Category);
    }

    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.ToTable("exchange_rates");
        b.Property(x => x.Id).HasColumnName("currency").HasMaxLength(ExpensesLimits.Currency);
        b.Property(x => x.Rate).HasPrecision(18, 8);
    }

    public void Configure(EntityTypeBuilder<PolicySettings> b)
    {
        b.ToTable("policy_settings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.BaseCurrency).HasMaxLength(ExpensesLimits.Currency);
        b.Property(x => x.ReceiptRequiredAbove).HasPrecision(18, 2);
        foreach (var p in new[] { nameof(PolicySettings.BuyerCheck), nameof(PolicySettings.InvoiceDateWindow), nameof(PolicySettings.CategoryLimits), nameof(PolicySettings.ReceiptRequired), nameof(PolicySettings.TravelPolicy) })
        {
            b.Property<PolicySeverity>(p).HasConversion<string>().HasMaxLength(ExpensesLimits.Severity);
        }
    }
}
