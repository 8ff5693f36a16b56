using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Insights.Application.Baselines;
using ExpenseFlow.Insights.Application.Breakpoints;
using ExpenseFlow.Insights.Application.Kpis;
using ExpenseFlow.Insights.Application.Projection;
using ExpenseFlow.Insights.Application.Roi;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Insights.Domain.Baselines;
using ExpenseFlow.Insights.Infrastructure;
using ExpenseFlow.Payments.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.Insights.Application;

public static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<InsightsDbContext>(configuration, InsightsDbContext.SchemaName);
        foreach (var grant in InsightsPermissions.Grants)
        {
            services.AddSingleton(grant);
        }

        services.AddSingleton<InsightsCalendar>();
        services.AddIntegrationEventHandler<ClaimSubmitted, EventIntake>();
        services.AddIntegrationEventHandler<ClaimCancelled, EventIntake>();
        services.AddIntegrationEventHandler<ApprovalTaskCompleted, EventIntake>();
        services.AddIntegrationEventHandler<ApprovalReminderDue, EventIntake>();
        services.AddIntegrationEventHandler<ClaimApproved, EventIntake>();
        services.AddIntegrationEventHandler<ClaimRejected, EventIntake>();
        services.AddIntegrationEventHandler<ClaimReturned, EventIntake>();
        services.AddIntegrationEventHandler<ClaimPaymentScheduled, EventIntake>();
        services.AddIntegrationEventHandler<ClaimPaid, EventIntake>();
        services.AddIntegrationEventHandler<ClaimPaymentReopened, EventIntake>();
        services.AddScoped<IModuleMigrator, InsightsMigrator>();
        return services;
    }

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/insights").WithTags("Insights").RequireAuthorization(InsightsPermissions.View);
        group.MapGet("/kpis", KpiEndpoints.GetAsync);
        group.MapGet("/breakpoints", BreakpointEndpoints.GetAsync);
        group.MapGet("/baselines", BaselineEndpoints.ListAsync);
        group.MapGet("/baselines/defaults", BaselineEndpoints.Defaults);
        group.MapGet("/baselines/{version:int}", BaselineEndpoints.GetAsync);
        group.MapPost("/baselines", BaselineEndpoints.SaveAsync).RequireAuthorization(InsightsPermissions.ManageBaseline);
        group.MapPost("/baselines/import-history", BaselineEndpoints.ImportHistoryAsync).RequireAuthorization(InsightsPermissions.ManageBaseline)
            .Accepts<BaselineEndpoints.HistoryUploadForm>("multipart/form-data").DisableAntiforgery();
        group.MapGet("/survey", RoiEndpoints.GetSurveyAsync);
        group.MapPut("/survey", RoiEndpoints.PutSurveyAsync).RequireAuthorization(InsightsPermissions.EnterSurvey);
        group.MapGet("/roi", RoiEndpoints.GetAsync);
        group.MapGet("/roi/export", RoiEndpoints.ExportAsync);
        group.MapPost("/rebuild", Rebuild.RunAsync).RequireAuthorization(InsightsPermissions.ManageBaseline);
        return endpoints;
    }
}

/// <summary>Migrates the schema; the demo gets baseline v1 with the published defaults, as captured before go-live.</summary>
internal sealed class InsightsMigrator(InsightsDbContext db, TimeProvider clock) : IModuleMigrator
{
    public string Module => "Insights";

    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> SeedDemoAsync(string demoPassword, CancellationToken cancellationToken)
    {
        if (await db.Baselines.AnyAsync(cancellationToken))
        {
            return [];
        }

        await BaselineEndpoints.AddVersionAsync(db, "上线前基线（公开默认值）/ Before go-live (published defaults)", "CNY", "entered", BaselineCatalog.Defaults, null,
            "Pre-filled with GBTA/HRS 2015 and APQC figures and labelled assumptions; replace them with your own.", Guid.Empty, clock, cancellationToken);
        return ["Insights: baseline v1 (published defaults)"];
    }
}
