using Xunit;

namespace ExpenseFlow.TestBase;

/// <summary>
/// ../shared/data, the team's read-only development data, found above the test binaries. A clean clone without it
/// still passes: the tests that need a folder of it are reported as skipped with a message naming that folder.
/// (Compiled into ExpenseFlow.TestBase and linked into ExpenseFlow.Recognition.Tests, which runs without a host.)
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = FindRoot();

    /// <summary>The folder, or null when it is absent.</summary>
    public static string? Folder(string name)
    {
        if (Root is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Root, name);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>A file of a folder; only for tests marked <see cref="SharedDataFactAttribute"/> or <see cref="SharedDataTheoryAttribute"/>.</summary>
    public static string Path(string folder, params string[] parts) =>
        System.IO.Path.Combine([Folder(folder) ?? throw new DirectoryNotFoundException(MissingMessage(folder)), .. parts]);

    public static string MissingMessage(string name) =>
        $"../shared/data/{name} is missing (looked above {AppContext.BaseDirectory})";

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs a folder of ../shared/data. xunit 2.9 has no runtime skip, but an attribute may set Skip when it is
/// constructed at discovery: the test is then reported as skipped, naming the missing folder, instead of passing unchecked.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string folder)
    {
        if (SharedData.Folder(folder) is null)
        {
            Skip = SharedData.MissingMessage(folder);
        }
    }
}

/// <summary>A theory over a folder of ../shared/data (its data is not enumerated when the folder is missing).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string folder)
    {
        if (SharedData.Folder(folder) is null)
        {
            Skip = SharedData.MissingMessage(folder);
        }
    }
}
