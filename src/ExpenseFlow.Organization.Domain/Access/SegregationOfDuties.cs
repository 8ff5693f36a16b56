namespace ExpenseFlow.Organization.Domain.Access;

/// <summary>
/// Grants one administrator alone may not give. An administrator keeps people and their bank accounts and Finance makes
/// and checks payments: one person holding both could redirect a payout and release it. And nobody raises their own
/// rights. Such additions wait for a second administrator (<see cref="RoleGrant"/>); removals always apply at once.
/// </summary>
public static class SegregationOfDuties
{
    /// <summary>Role pairs that one person may hold only with a second administrator's consent.</summary>
    public static readonly IReadOnlyList<(string A, string B)> ConflictingRoles = [("Admin", "Finance")];

    /// <summary>Why adding <paramref name="added"/> needs a second administrator, or null when it does not.</summary>
    public static string? ReasonForSecondApproval(Guid actor, Guid person, IReadOnlyCollection<string> before, IReadOnlyCollection<string> added)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
        {
            return null;
        }

        if (actor == person)
        {
            return "SelfGrant";
        }

        var after = before.Concat(added).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (a, b) in ConflictingRoles)
        {
            var had = before.Contains(a, StringComparer.OrdinalIgnoreCase) && before.Contains(b, StringComparer.OrdinalIgnoreCase);
            if (!had && after.Contains(a) && after.Contains(b))
            {
                return $"Conflict:{a}+{b}";
            }
        }

        return null;
    }
}
