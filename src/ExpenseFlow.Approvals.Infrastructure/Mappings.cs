using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain.Flows;
using ExpenseFlow.Approvals.Domain.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpenseFlow.Approvals.Infrastructure;

internal sealed class ApprovalFlowMap : IEntityTypeConfiguration<ApprovalFlow>
{
    public void Configure(EntityTypeBuilder<ApprovalFlow> b)
    {
        b.ToTable("flows");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.Code).HasMaxLength(ApprovalsLimits.FlowCode);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(ApprovalsLimits.Name);
        // At most one default flow.
        b.HasIndex(x => x.IsDefault).IsUnique().HasFilter("is_default");
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.FlowId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FlowVersionMap : IEntityTypeConfiguration<FlowVersion>
{
    public void Configure(EntityTypeBuilder<FlowVersion> b)
    {
        b.ToTable("flow_versions");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.DefinitionJson).HasColumnType("jsonb");
        b.HasIndex(x => new { x.FlowId, x.Version }).IsUnique();
    }
}

internal sealed class ApprovalMap : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> b)
    {
        b.ToTable("approvals");
        b.Property(x => x.Version).IsRowVersion();
        b.Property(x => x.ClaimNumber).HasMaxLength(32);
        b.Property(x => x.ClaimTitle).HasMaxLength(200);
        b.Property(x => x.SubmitterName).HasMaxLength(100);
        b.Property(x => x.FlowName).HasMaxLength(100);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.FactsJson).HasColumnType("jsonb");
        // One approval per submission of a claim, even if the submit event is delivered twice.
        b.HasIndex(x => new { x.ClaimId, x.Round }).IsUnique();
        b.HasIndex(x => x.Status);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ApprovalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(t => t.ApprovalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Tasks).HasField("_tasks").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.Outcomes);
    }
}

internal sealed class ApprovalStepMap : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> b)
    {
        b.ToTable("approval_steps");
        b.HasKey(x => new { x.ApprovalId, x.Index });
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(100);
    }
}

internal sealed class ApprovalTaskMap : IEntityTypeConfiguration<ApprovalTask>
{
    public void Configure(EntityTypeBuilder<ApprovalTask> b)
    {
        b.ToTable("approval_tasks");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.OnTimeout).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AssigneeName).HasMaxLength(100);
        b.Property(x => x.Comment).HasMaxLength(ApprovalsLimits.Comment);
        b.Property(x => x.Note).HasMaxLength(100);
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.WaitingSince });
        b.HasIndex(x => x.ApprovalId);
        b.HasIndex(x => x.RemindAt).HasFilter("status = 'Waiting' AND remind_at IS NOT NULL").HasDatabaseName("ix_approval_tasks_remind_due");
        b.HasIndex(x => x.DeadlineAt).HasFilter("status = 'Waiting' AND deadline_at IS NOT NULL").HasDatabaseName("ix_approval_tasks_deadline_due");
    }
}
