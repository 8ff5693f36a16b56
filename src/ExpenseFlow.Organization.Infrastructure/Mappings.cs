using ExpenseFlow.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpenseFlow.Organization.Infrastructure;

internal sealed class PersonMap : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.EmployeeNo).HasMaxLength(OrganizationLimits.Code);
        b.Property(x => x.DisplayName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.Email).HasMaxLength(OrganizationLimits.Email);
        b.Property(x => x.Phone).HasMaxLength(OrganizationLimits.Phone);
        b.Property(x => x.GradeCode).HasMaxLength(OrganizationLimits.Code);
        b.Property(x => x.CostCentreCode).HasMaxLength(OrganizationLimits.Code);
        b.HasIndex(x => x.EmployeeNo).IsUnique();
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.ManagerId);
        b.HasIndex(x => x.DepartmentId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Grade>().WithMany().HasForeignKey(x => x.GradeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CostCentre>().WithMany().HasForeignKey(x => x.CostCentreCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentMap : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("departments");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Code).HasMaxLength(OrganizationLimits.Code);
        b.Property(x => x.Name).HasMaxLength(OrganizationLimits.Name);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.HeadPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GradeMap : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> b)
    {
        b.ToTable("grades");
        b.Property(x => x.Id).HasColumnName("code").HasMaxLength(OrganizationLimits.Code);
        b.Property(x => x.Name).HasMaxLength(OrganizationLimits.Name);
    }
}

internal sealed class CostCentreMap : IEntityTypeConfiguration<CostCentre>
{
    public void Configure(EntityTypeBuilder<CostCentre> b)
    {
        b.ToTable("cost_centres");
        b.Property(x => x.Id).HasColumnName("code").HasMaxLength(OrganizationLimits.Code);
        b.Property(x => x.Name).HasMaxLength(OrganizationLimits.Name);
    }
}

internal sealed class LegalEntityMap : IEntityTypeConfiguration<LegalEntity>
{
    public void Configure(EntityTypeBuilder<LegalEntity> b)
    {
        b.ToTable("legal_entities");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Name).HasMaxLength(OrganizationLimits.LegalEntityName);
        b.Property(x => x.TaxId).HasMaxLength(OrganizationLimits.TaxId);
        b.HasIndex(x => x.TaxId).IsUnique();
        b.Property(x => x.Address).HasMaxLength(OrganizationLimits.Address);
        b.Property(x => x.Phone).HasMaxLength(OrganizationLimits.Phone);
        b.Property(x => x.BankName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.BankAccountNumber).HasMaxLength(OrganizationLimits.AccountNumber);
    }
}

internal sealed class BankAccountMap : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> b)
    {
        b.ToTable("bank_accounts");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.AccountName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.BankName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.CnapsCode).HasMaxLength(OrganizationLimits.Cnaps);
        b.Property(x => x.AccountNumber).HasMaxLength(OrganizationLimits.AccountNumber);
        b.Ignore(x => x.MaskedNumber);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PersonId, x.AccountNumber }).IsUnique();
        // At most one default account per person, enforced by the database.
        b.HasIndex(x => x.PersonId).IsUnique().HasFilter("is_default").HasDatabaseName("ux_bank_accounts_one_default");
    }
}

internal sealed class DelegationMap : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.ToTable("delegations");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Reason).HasMaxLength(OrganizationLimits.Note);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.FromPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ToPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.FromPersonId, x.StartDate });
    }
}

internal sealed class AccessEventMap : IEntityTypeConfiguration<Domain.Access.AccessEvent>
{
    public void Configure(EntityTypeBuilder<Domain.Access.AccessEvent> b)
    {
        b.ToTable("access_events");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Kind).HasMaxLength(32);
        b.HasIndex(x => new { x.PersonId, x.At });
    }
}

internal sealed class RoleGrantMap : IEntityTypeConfiguration<Domain.Access.RoleGrant>
{
    public void Configure(EntityTypeBuilder<Domain.Access.RoleGrant> b)
    {
        b.ToTable("role_grants");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Reason).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Status);
    }
}

internal sealed class BankAccountChangeMap : IEntityTypeConfiguration<BankAccountChange>
{
    public void Configure(EntityTypeBuilder<BankAccountChange> b)
    {
        b.ToTable("bank_account_changes");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ProposedAccountName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.ProposedBankName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.ProposedCnapsCode).HasMaxLength(OrganizationLimits.Cnaps);
        b.Property(x => x.Note).HasMaxLength(OrganizationLimits.Note);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        // One pending change per person: a second one could only be decided against a state the first one may still change.
        b.HasIndex(x => x.PersonId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_bank_account_changes_one_pending");
        b.HasIndex(x => new { x.Status, x.MadeAt });
        b.HasIndex(x => x.AccountId);
    }
}

internal sealed class BankAccountLogMap : IEntityTypeConfiguration<BankAccountLogEntry>
{
    public void Configure(EntityTypeBuilder<BankAccountLogEntry> b)
    {
        // No foreign keys: the log outlives the accounts (and would block deleting them, being append-only).
        b.ToTable("bank_account_log");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasMaxLength(16);
        b.Property(x => x.AccountName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.BankName).HasMaxLength(OrganizationLimits.Name);
        b.Property(x => x.CnapsCode).HasMaxLength(OrganizationLimits.Cnaps);
        b.Property(x => x.AccountNumber).HasMaxLength(OrganizationLimits.AccountNumber);
        b.Property(x => x.Note).HasMaxLength(OrganizationLimits.Note);
        b.HasIndex(x => new { x.PersonId, x.At });
    }
}
