using System.Collections.Concurrent;
using System.Reflection;
using ExpenseFlow.BuildingBlocks.Events;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Known integration event types by the name stored in the outbox; no type is loaded from a stored string.</summary>
public sealed class IntegrationEventTypes
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);

    public IntegrationEventTypes(IEnumerable<Persistence.IntegrationEventAssembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        foreach (var registration in assemblies)
        {
            AddFrom(registration.Assembly);
        }
    }

    public void AddFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && typeof(IntegrationEvent).IsAssignableFrom(t)))
        {
            _byName[type.FullName!] = type;
        }
    }

    public void Add(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _byName[type.FullName!] = type;
    }

    public Type? Find(string name) => _byName.GetValueOrDefault(name);
}
