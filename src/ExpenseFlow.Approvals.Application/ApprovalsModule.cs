using ExpenseFlow.Approvals.Application.Decisions;
using ExpenseFlow.Approvals.Application.Flows;
using ExpenseFlow.Approvals.Application.Inbox;
using ExpenseFlow.Approvals.Application.Review;
using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Application.Seeding;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Contracts;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExpenseFlow.Approvals.Application;

public static class ApprovalsModule
{
    public static IServiceCollection AddApprovalsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ApprovalsDbContext>(configuration, ApprovalsDbContext.SchemaName);
        services.AddIntegrationEventsFrom(typeof(ApprovalStarted).Assembly);
        foreach (var grant in ApprovalsPermissions.Grants)
        {
            services.AddSingleton(grant);
        }

        services.AddScoped<FlowCatalog>();
        services.AddScoped<ApproverResolver>();
        services.AddScoped<ApprovalRunner>();
        services.AddScoped<FlowValidation>();
        services.AddScoped<CompanyCalendar>();
        services.AddScoped<SlaSweepJob>();
        services.AddScoped<IApprovalQueueReader, Inbox.ApprovalQueueReader>();
        services.AddScoped<IClaimApprovalReader, ClaimApprovalReader>();
        services.AddIntegrationEventHandler<ClaimSubmitted, StartApprovalOnClaimSubmitted>();
        services.AddIntegrationEventHandler<ClaimCancelled, CancelApprovalOnClaimCancelled>();
        services.AddScoped<IModuleMigrator, ApprovalsMigrator>();
        if (configuration.GetValue("Jobs:ServerEnabled", true))
        {
            services.AddHostedService<ApprovalsJobs>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapApprovalsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/approvals");
        var decide = group.MapGroup("/").WithTags("Approvals").RequireAuthorization(ApprovalsPermissions.Decide);
        decide.MapGet("/inbox", InboxQueries.ListAsync);
        decide.MapPost("/tasks/{taskId:guid}/decision", DecideTask.HandleAsync);
        decide.MapPost("/tasks/batch-approve", DecideTask.BatchApproveAsync);
        decide.MapPost("/tasks/{taskId:guid}/read", ClaimReview.MarkReadAsync);
        var review = group.MapGroup("/claims").WithTags("Approvals").RequireAuthorization();
        review.MapGet("/{claimId:guid}", ClaimReview.GetAsync);
        review.MapGet("/{claimId:guid}/receipts/{receiptId:guid}/content", ClaimReview.ReceiptAsync);
        group.MapFlows();
        return endpoints;
    }
}

/// <summary>Registers the SLA sweep as a recurring job when the host starts.</summary>
internal sealed class ApprovalsJobs(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<SlaSweepJob>("approvals-sla-sweep", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
