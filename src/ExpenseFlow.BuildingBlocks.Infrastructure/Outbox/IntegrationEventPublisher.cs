using System.Collections.Concurrent;
using System.Reflection;
using ExpenseFlow.BuildingBlocks.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Delivers one event to every in-process handler of its type, each in a scope of its own.</summary>
public sealed class IntegrationEventPublisher(IServiceScopeFactory scopes)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>> Invokers = new();

    private static readonly MethodInfo InvokeMethod =
        typeof(IntegrationEventPublisher).GetMethod(nameof(InvokeAllAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var invoker = Invokers.GetOrAdd(integrationEvent.GetType(), type =>
            InvokeMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>>());
        await using var scope = scopes.CreateAsyncScope();
        await invoker(scope.ServiceProvider, integrationEvent, cancellationToken);
    }

    private static async Task InvokeAllAsync<TEvent>(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken ct)
        where TEvent : IntegrationEvent
    {
        foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)integrationEvent, ct);
        }
    }
}
