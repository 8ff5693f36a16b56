using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>Finds ../shared/data (the team's read-only development data) above the test binaries.</summary>
internal static class SharedData
{
    public static string? Root { get; } = FindRoot();

    public static string? Folder(string name)
    {
        if (Root is null) return null;
        var path = Path.Combine(Root, name);
        return Directory.Exists(path) ? path : null;
    }

    public static string MissingMessage(string name) =>
        $"../shared/data/{name} is missing (looked above {AppContext.BaseDirectory}); the synthetic tests still cover the behaviour.";

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "..", "shared", "data"))) dir = dir.Parent;
        return dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
    }
}

/// <summary>
/// A fact that needs a folder of ../shared/data. xunit 2.9 has no runtime skip (Assert.Skip is xunit v3), but an
/// attribute may set <see cref="FactAttribute.Skip"/> when it is constructed at discovery: the test is then reported as
/// skipped with a message naming the missing folder, instead of passing without checking anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string folder)
    {
        if (SharedData.Folder(folder) is null) Skip = SharedData.MissingMessage(folder);
    }
}

/// <inheritdoc cref="SharedDataFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string folder)
    {
        if (SharedData.Folder(folder) is null) Skip = SharedData.MissingMessage(folder);
    }
}
