using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Domain.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpenseFlow.Payments.Infrastructure;

internal sealed class PayableMap : IEntityTypeConfiguration<Payable>
{
    public void Configure(EntityTypeBuilder<Payable> b)
    {
        b.ToTable("payables");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsRowVersion();
        // One payable per claim, however often ClaimApproved is delivered.
        b.HasIndex(x => x.ClaimId).IsUnique();
        b.Property(x => x.ClaimNumber).HasMaxLength(32);
        b.Property(x => x.PayeeName).HasMaxLength(100);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Currency).HasMaxLength(PaymentsLimits.Currency);
        b.Property(x => x.AccountName).HasMaxLength(100);
        b.Property(x => x.AccountNumber).HasMaxLength(64);
        b.Property(x => x.BankName).HasMaxLength(100);
        b.Property(x => x.CnapsCode).HasMaxLength(12);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.HoldReason).HasMaxLength(32);
        b.HasIndex(x => new { x.Status, x.LegalEntityId, x.Currency, x.ApprovedAt });
    }
}

internal sealed class PaymentBatchMap : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> b)
    {
        b.ToTable("batches");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Currency).HasMaxLength(PaymentsLimits.Currency);
        b.Property(x => x.Total).HasPrecision(18, 2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BatchLineMap : IEntityTypeConfiguration<BatchLine>
{
    public void Configure(EntityTypeBuilder<BatchLine> b)
    {
        b.ToTable("batch_lines");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ClaimNumber).HasMaxLength(32);
        b.Property(x => x.EndToEndId).HasMaxLength(35);
        b.HasIndex(x => x.EndToEndId).IsUnique();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Currency).HasMaxLength(PaymentsLimits.Currency);
        b.Property(x => x.PayeeName).HasMaxLength(100);
        b.Property(x => x.AccountName).HasMaxLength(100);
        b.Property(x => x.AccountNumber).HasMaxLength(64);
        b.Property(x => x.BankName).HasMaxLength(100);
        b.Property(x => x.CnapsCode).HasMaxLength(12);
        b.Property(x => x.StatementReference).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        // A claim is in at most one active batch and is paid at most once: enforced by PostgreSQL, not only by code.
        b.HasIndex(x => x.ClaimId).IsUnique().HasFilter("status IN ('Pending', 'Paid')").HasDatabaseName("ux_batch_lines_claim_active");
    }
}

internal sealed class PaymentFileMap : IEntityTypeConfiguration<StoredBankFile>
{
    public void Configure(EntityTypeBuilder<StoredBankFile> b)
    {
        b.ToTable("payment_files");
        // A template code has up to 40 characters, then "-xlsx".
        b.Property(x => x.Format).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(120);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => new { x.BatchId, x.Format }).IsUnique();
    }
}

internal sealed class StatementImportMap : IEntityTypeConfiguration<StatementImport>
{
    public void Configure(EntityTypeBuilder<StatementImport> b)
    {
        b.ToTable("statement_imports");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Format).HasMaxLength(20);
        b.Property(x => x.Sha256).HasMaxLength(64);
        // The same file imported twice changes nothing.
        b.HasIndex(x => x.Sha256).IsUnique();
        b.Property(x => x.AccountId).HasMaxLength(StatementBounds.MaxIdLength);
        b.Property(x => x.StatementId).HasMaxLength(StatementBounds.MaxIdLength);
    }
}

internal sealed class StatementEntryMap : IEntityTypeConfiguration<ImportedEntry>
{
    public void Configure(EntityTypeBuilder<ImportedEntry> b)
    {
        // Maker-checker where the data lives: a proposed reopening names its payment and its maker, and a payment
        // reopened from the queue was confirmed by someone other than the one who proposed it.
        b.ToTable("statement_entries", t =>
        {
            t.HasCheckConstraint("ck_statement_entries_proposal", "match <> 'ReturnProposed' OR (proposed_by IS NOT NULL AND batch_line_id IS NOT NULL)");
            t.HasCheckConstraint("ck_statement_entries_checker", "match <> 'Returned' OR proposed_by IS NULL OR (resolved_by IS NOT NULL AND resolved_by <> proposed_by)");
        });
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Currency).HasMaxLength(PaymentsLimits.Currency);
        b.Property(x => x.EndToEndId).HasMaxLength(35);
        b.Property(x => x.CounterpartyName).HasMaxLength(140);
        b.Property(x => x.CounterpartyAccount).HasMaxLength(64);
        b.Property(x => x.Reference).HasMaxLength(64);
        b.Property(x => x.Details).HasMaxLength(500);
        b.Property(x => x.Note).HasMaxLength(PaymentsLimits.Note);
        b.Property(x => x.Match).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.ImportId, x.Sequence }).IsUnique();
        b.HasIndex(x => x.Match);
        // A payment line is settled by one debit entry at most.
        b.HasIndex(x => x.BatchLineId).IsUnique().HasFilter("match = 'Matched'").HasDatabaseName("ux_statement_entries_line_matched");
    }
}

internal sealed class AccountingSettingsMap : IEntityTypeConfiguration<AccountingSettings>
{
    public void Configure(EntityTypeBuilder<AccountingSettings> b)
    {
        b.ToTable("accounting_settings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.MappingJson).HasColumnType("jsonb");
    }
}

internal sealed class BankTemplateMap : IEntityTypeConfiguration<BankTemplate>
{
    public void Configure(EntityTypeBuilder<BankTemplate> b)
    {
        b.ToTable("bank_templates", t => t.HasCheckConstraint("ck_bank_templates_code", "code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Code).HasMaxLength(BankTemplateRules.MaxCodeLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(BankTemplateRules.MaxNameLength);
        b.Property(x => x.ProfileJson).HasColumnName("profile").HasColumnType("jsonb");
    }
}
