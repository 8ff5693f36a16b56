using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ExpenseFlow.HttpApi.Host.Composition;

/// <summary>Background jobs (Hangfire on PostgreSQL, schema "hangfire") and health.</summary>
public static class Operations
{
    public static IServiceCollection AddExpenseFlowJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetExpenseFlowConnectionString();
        // The storage is this container's own singleton (not only Hangfire's static one), so several hosts in one
        // process (tests) each talk to their own database.
        services.AddSingleton<JobStorage>(_ =>
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
        });
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (configuration.GetValue("Jobs:ServerEnabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                // Recognition has its own queue so a burst of uploads never delays short jobs for long.
                options.Queues = ["default", "recognition"];
            });
        }

        return services;
    }

    public static IServiceCollection AddExpenseFlowHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<OrganizationDbContext>("postgresql");
        return services;
    }

    public static WebApplication MapExpenseFlowHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        return app;
    }

    public static WebApplication MapExpenseFlowJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new PermissionDashboardFilter(OrganizationPermissions.JobsDashboard)],
            DashboardTitle = "ExpenseFlow jobs",
            AppPath = "/",
        });
        return app;
    }

    private sealed class PermissionDashboardFilter(string permission) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.HasClaim(BuildingBlocks.Security.ExpenseFlowClaims.Permission, permission);
    }
}
