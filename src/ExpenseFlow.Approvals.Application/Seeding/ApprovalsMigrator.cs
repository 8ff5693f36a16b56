using System.Text.Json;
using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Domain.Flows;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Seeding;

/// <summary>
/// Schema and a default flow (always: direct manager, then finance review), so an approval can always start. With
/// --demo the demo company's default flow replaces it while nobody has edited it.
/// </summary>
internal sealed class ApprovalsMigrator(ApprovalsDbContext db, IOrganizationDirectory directory, TimeProvider clock) : IModuleMigrator
{
    public string Module => "Approvals";

    public const string StandardDefinition = """
    { "dedupe": true, "fallback": { "type": "role", "role": "Admin" },
      "steps": [
        { "key": "manager", "name": "直属上级审批", "nameEn": "Direct manager", "approvers": [ { "type": "manager", "levels": 1 } ],
          "sla": { "remindAfterHours": 24, "escalateAfterHours": 48, "escalateTo": { "type": "manager" } } },
        { "key": "finance", "name": "财务审核", "nameEn": "Finance review", "kind": "financeReview", "mode": "any",
          "approvers": [ { "type": "role", "role": "Finance" } ], "sla": { "remindAfterHours": 24 } } ] }
    """;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (!await db.Flows.AnyAsync(f => f.IsDefault, cancellationToken))
        {
            FlowCatalog.Parse(StandardDefinition);
            db.Flows.Add(ApprovalFlow.Create(Guid.CreateVersion7(), "default", "默认审批流程", 1000, true, Compact(StandardDefinition), false, null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> SeedDemoAsync(string demoPassword, CancellationToken cancellationToken)
    {
        var flow = await db.Flows.Include(f => f.Versions).SingleAsync(f => f.IsDefault, cancellationToken);
        var cfo = await directory.FindPersonByEmployeeNoAsync("E0002", cancellationToken);
        if (flow.CurrentVersion != 1 || flow.UpdatedBy is not null || cfo is null)
        {
            return [];
        }

        var demo = DemoDefinition(cfo.Id);
        FlowCatalog.Parse(demo);
        flow.Rename("default", "演示公司审批流程", flow.Priority);
        flow.Revise(demo, false, null, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Direct manager; department head above 5,000; the CFO together with the department head (会签) above 20,000 —
    /// where 去重 spares the head a second approval; HR informed of entertainment; finance review last.
    /// </summary>
    public static string DemoDefinition(Guid cfoId) => Compact($$"""
    { "dedupe": true, "fallback": { "type": "role", "role": "Admin" },
      "steps": [
        { "key": "manager", "name": "直属上级审批", "nameEn": "Direct manager", "approvers": [ { "type": "manager", "levels": 1 } ],
          "sla": { "remindAfterHours": 24, "escalateAfterHours": 48, "escalateTo": { "type": "manager" } } },
        { "key": "dept-head", "name": "部门负责人审批", "nameEn": "Department head", "when": { "field": "amount", "op": "gt", "value": 5000 },
          "approvers": [ { "type": "departmentHead" } ], "sla": { "remindAfterHours": 24, "escalateAfterHours": 72, "escalateTo": { "type": "manager" } } },
        { "key": "cfo", "name": "CFO与部门负责人会签", "nameEn": "CFO and department head (countersign)", "mode": "all",
          "when": { "field": "amount", "op": "gt", "value": 20000 },
          "approvers": [ { "type": "person", "personId": "{{cfoId}}" }, { "type": "departmentHead" } ], "sla": { "remindAfterHours": 24 } },
        { "key": "hr", "name": "抄送人事", "nameEn": "Notify HR", "kind": "notify", "when": { "field": "category", "op": "in", "value": ["entertainment"] },
          "approvers": [ { "type": "role", "role": "HR" } ] },
        { "key": "finance", "name": "财务审核", "nameEn": "Finance review", "kind": "financeReview", "mode": "any",
          "approvers": [ { "type": "role", "role": "Finance" } ], "sla": { "remindAfterHours": 24 } } ] }
    """);

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
