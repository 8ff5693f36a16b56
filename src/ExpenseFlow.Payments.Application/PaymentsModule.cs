using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.Payments.Application.Statements;
using ExpenseFlow.Payments.Application.Templates;
using ExpenseFlow.Payments.Contracts;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.Payments.Application;

public static class PaymentsModule
{
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PaymentsDbContext>(configuration, PaymentsDbContext.SchemaName);
        services.AddIntegrationEventsFrom(typeof(ClaimPaid).Assembly);
        foreach (var grant in PaymentsPermissions.Grants)
        {
            services.AddSingleton(grant);
        }

        services.AddIntegrationEventHandler<ClaimApproved, PayableOnClaimApproved>();
        services.AddIntegrationEventHandler<ClaimRejected, ClosePayableWhenClaimEnds>();
        services.AddIntegrationEventHandler<ClaimReturned, ClosePayableWhenClaimEnds>();
        services.AddIntegrationEventHandler<Expenses.Contracts.ClaimCancelled, ClosePayableWhenClaimEnds>();
        services.AddIntegrationEventHandler<Organization.Contracts.PayeeAccountChanged, PayablesOnPayeeAccountChanged>();
        services.AddScoped<IModuleMigrator, PaymentsMigrator>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/payments").WithTags("Payments").RequireAuthorization(PaymentsPermissions.Manage);
        group.MapGet("/payables", PayableEndpoints.ListAsync);
        group.MapPost("/payables/{id:guid}/refresh-account", PayableEndpoints.RefreshAccountAsync);
        group.MapGet("/batches", BatchEndpoints.ListAsync);
        group.MapGet("/batches/{id:guid}", BatchEndpoints.GetAsync);
        group.MapPost("/batches", BatchEndpoints.BuildAsync);
        group.MapPost("/batches/{id:guid}/release", BatchEndpoints.ReleaseAsync).RequireAuthorization(PaymentsPermissions.Release);
        group.MapPost("/batches/{id:guid}/cancel", BatchEndpoints.CancelAsync);
        group.MapGet("/batches/{id:guid}/files", BatchFiles.ListAsync);
        group.MapGet("/batches/{id:guid}/files/{format}", BatchFiles.DownloadAsync);
        group.MapGet("/file-formats", BankFileFormats.ListAsync);
        group.MapGet("/templates", BankTemplateEndpoints.ListAsync);
        group.MapGet("/templates/{code}", BankTemplateEndpoints.GetAsync);
        group.MapPut("/templates/{code}", BankTemplateEndpoints.SaveAsync);
        group.MapPost("/templates/{code}/activate", BankTemplateEndpoints.ActivateAsync);
        group.MapPost("/templates/{code}/deactivate", BankTemplateEndpoints.DeactivateAsync);
        group.MapGet("/batches/{id:guid}/journal", Journal.ExportAsync);
        group.MapGet("/accounting/mapping", Journal.GetMappingAsync);
        group.MapPut("/accounting/mapping", Journal.SaveMappingAsync);
        group.MapPost("/statements", StatementEndpoints.ImportAsync).Accepts<StatementEndpoints.StatementUploadForm>("multipart/form-data").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/statements", StatementEndpoints.ListAsync);
        group.MapGet("/reconciliation", ReconciliationEndpoints.ListAsync);
        group.MapPost("/reconciliation/{id:guid}/resolve", ReconciliationEndpoints.ResolveAsync);
        group.MapPost("/reconciliation/{id:guid}/confirm-return", ReconciliationEndpoints.ConfirmAsync).RequireAuthorization(PaymentsPermissions.Release);
        return endpoints;
    }
}

internal sealed class PaymentsMigrator(PaymentsDbContext db) : IModuleMigrator
{
    public string Module => "Payments";

    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<string>> SeedDemoAsync(string demoPassword, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
}
