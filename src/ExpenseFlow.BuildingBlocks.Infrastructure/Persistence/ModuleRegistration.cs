using System.Reflection;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;

public static class ModuleRegistration
{
    public const string ConnectionStringName = "ExpenseFlow";

    public static string GetExpenseFlowConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");

    /// <summary>Registers the outbox machinery shared by all modules (idempotent).</summary>
    public static IServiceCollection AddOutboxCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntegrationEventTypes>();
        services.TryAddSingleton<IntegrationEventPublisher>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxSignalInterceptor>();
        if (services.All(d => d.ServiceType != typeof(OutboxDispatcher)))
        {
            services.AddSingleton<OutboxDispatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        return services;
    }

    /// <summary>Registers a module's DbContext on PostgreSQL in its own schema, with its outbox processor.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext
    {
        services.AddOutboxCore();
        services.AddDbContext<TContext>((sp, options) => options
            .UseNpgsql(configuration.GetExpenseFlowConnectionString(), npgsql => npgsql.MigrationsHistoryTable("__migrations", schema))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()));
        services.AddSingleton<IOutboxProcessor, OutboxProcessor<TContext>>();
        return services;
    }

    /// <summary>Makes the events of an assembly (a module's Contracts) readable from any outbox.</summary>
    public static IServiceCollection AddIntegrationEventsFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddOutboxCore();
        services.AddSingleton(new IntegrationEventAssembly(assembly));
        return services;
    }

    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddOutboxCore();
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        services.AddSingleton(new IntegrationEventAssembly(typeof(TEvent).Assembly));
        return services;
    }
}

/// <summary>An assembly whose integration events the outbox can read; collected into <see cref="IntegrationEventTypes"/>.</summary>
public sealed record IntegrationEventAssembly(Assembly Assembly);
