using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Application.Approvals;
using ExpenseFlow.Expenses.Application.Claims;
using ExpenseFlow.Expenses.Application.Policy;
using ExpenseFlow.Expenses.Application.Receipts;
using ExpenseFlow.Expenses.Application.Seeding;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure.Recognition;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.Payments.Contracts;
using ExpenseFlow.Recognition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.Expenses.Application;

public static class ExpensesModule
{
    public static IServiceCollection AddExpensesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ExpensesDbContext>(configuration, ExpensesDbContext.SchemaName);
        services.AddIntegrationEventsFrom(typeof(ClaimSubmitted).Assembly);
        foreach (var grant in ExpensesPermissions.Grants)
        {
            services.AddSingleton(grant);
        }

        services.AddReceiptStorage(configuration);
        services.Configure<ReceiptUploadOptions>(configuration.GetSection("Receipts"));
        services.AddSingleton(_ => new RecognitionEngine(new RecognitionOptions
        {
            ModelsDirectory = configuration["Recognition:ModelsDirectory"],
            // 0 = one per core for a document's OCR; the engine caps all documents together at the core count.
            IntraOpThreads = configuration.GetValue("Recognition:IntraOpThreads", 0),
            // Documents recognised at once on this host, whatever the number of Hangfire workers (0 = one per core).
            MaxConcurrentDocuments = configuration.GetValue("Recognition:MaxConcurrentDocuments", 0),
            Timeout = TimeSpan.FromSeconds(configuration.GetValue("Recognition:TimeoutSeconds", 60)),
        }));
        services.AddScoped<IClaimReader, ClaimReader>();
        services.AddScoped<ClaimEvidence>();
        services.AddIntegrationEventHandler<ApprovalStarted, ClaimFollowsApproval>();
        services.AddIntegrationEventHandler<ClaimApproved, ClaimFollowsApproval>();
        services.AddIntegrationEventHandler<ClaimRejected, ClaimFollowsApproval>();
        services.AddIntegrationEventHandler<ClaimReturned, ClaimFollowsApproval>();
        services.AddIntegrationEventHandler<ClaimPaymentScheduled, ClaimFollowsApproval>();
        services.AddIntegrationEventHandler<ClaimPaid, ClaimFollowsApproval>();
        services.AddIntegrationEventHandler<ClaimPaymentReopened, ClaimFollowsApproval>();
        services.AddScoped<RecognizeReceiptJob>();
        services.AddScoped<ReceiptMaintenanceJob>();
        services.AddScoped<IModuleMigrator, ExpensesMigrator>();
        if (configuration.GetValue("Jobs:ServerEnabled", true))
        {
            services.AddHostedService<ExpensesJobs>();
        }
        return services;
    }

    public static IEndpointRouteBuilder MapExpensesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/expenses");
        group.MapReceipts();
        var claims = group.MapGroup("/claims").WithTags("Claims").RequireAuthorization(ExpensesPermissions.Submit);
        claims.MapGet("/", ClaimQueries.ListAsync);
        claims.MapGet("/{id:guid}", ClaimQueries.GetAsync);
        claims.MapPost("/", SaveClaim.CreateAsync);
        claims.MapPut("/{id:guid}", SaveClaim.UpdateAsync);
        claims.MapDelete("/{id:guid}", SaveClaim.DeleteAsync);
        claims.MapPost("/{id:guid}/check", ClaimQueries.CheckAsync);
        claims.MapPost("/{id:guid}/submit", SubmitClaim.HandleAsync).Produces<ClaimDto>();
        claims.MapPost("/{id:guid}/cancel", CancelClaim.HandleAsync);
        group.MapPolicy();
        return endpoints;
    }
}
