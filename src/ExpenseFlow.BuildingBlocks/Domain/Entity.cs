namespace ExpenseFlow.BuildingBlocks.Domain;

/// <summary>An object with an identity that outlives changes to its attributes.</summary>
public abstract class Entity<TId>
    where TId : notnull
{
    public TId Id { get; protected set; } = default!;

    public override bool Equals(object? obj) =>
        obj is Entity<TId> other && other.GetType() == GetType() && EqualityComparer<TId>.Default.Equals(Id, other.Id);

    public override int GetHashCode() => HashCode.Combine(GetType(), Id);
}

/// <summary>A consistency boundary: changes go through its methods, which keep its invariants.</summary>
public abstract class AggregateRoot<TId> : Entity<TId>
    where TId : notnull
{
    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin by the infrastructure.</summary>
    public uint Version { get; private set; }
}
