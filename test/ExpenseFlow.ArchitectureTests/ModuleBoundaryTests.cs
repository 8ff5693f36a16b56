using System.Reflection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.ArchitectureTests;

/// <summary>
/// Module boundaries as data: adding a module to <see cref="Modules"/> puts it under every rule.
/// Rules are checked on the compiled assemblies' references, so a forbidden project reference fails here.
/// </summary>
public class ModuleBoundaryTests
{
    public static readonly string[] Modules = ["Organization", "Expenses", "Approvals", "Payments", "Insights"];

    private static readonly string[] Layers = ["Domain", "Application", "Infrastructure", "Contracts"];

    private static readonly string[] ForbiddenForDomain =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Hangfire", "ExpenseFlow.BuildingBlocks.Infrastructure"];

    public static TheoryData<string, string> ModuleLayers()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in Modules)
        {
            foreach (var layer in Layers)
            {
                data.Add(module, layer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModuleLayers))]
    public void ModuleLayer_FollowsTheBoundaryRules(string module, string layer)
    {
        var assembly = Load($"ExpenseFlow.{module}.{layer}");
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // 1. No module touches another module's Domain, Application or Infrastructure (only its Contracts).
        foreach (var other in Modules.Where(m => m != module))
        {
            references.ShouldNotContain(r => r.StartsWith($"ExpenseFlow.{other}.", StringComparison.Ordinal) && !r.EndsWith(".Contracts", StringComparison.Ordinal),
                $"{assembly.GetName().Name} references {other}'s internals");
        }

        // 2. The domain is pure: no EF Core, ASP.NET, database driver or job engine.
        if (layer is "Domain" or "Contracts")
        {
            references.ShouldNotContain(r => ForbiddenForDomain.Any(f => r.StartsWith(f, StringComparison.Ordinal)),
                $"{assembly.GetName().Name} must not depend on infrastructure");
        }

        // 3. Contracts, the public surface, depend on nothing of the module but the building blocks.
        if (layer == "Contracts")
        {
            references.Where(r => r.StartsWith("ExpenseFlow.", StringComparison.Ordinal)).ShouldAllBe(r => r == "ExpenseFlow.BuildingBlocks");
        }
    }

    [Fact]
    public void BuildingBlocks_KernelIsPure() =>
        Load("ExpenseFlow.BuildingBlocks").GetReferencedAssemblies().Select(a => a.Name!)
            .ShouldNotContain(r => ForbiddenForDomain.Any(f => r.StartsWith(f, StringComparison.Ordinal)));

    [Fact]
    public void RecognitionEngine_HasNoDatabaseOrWeb()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ExpenseFlow.Recognition.dll");
        File.Exists(path).ShouldBeTrue("the architecture tests must see the recognition engine");
        Assembly.LoadFrom(path).GetReferencedAssemblies().Select(a => a.Name!)
            .ShouldNotContain(r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    private static Assembly Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        File.Exists(path).ShouldBeTrue($"{name}.dll is not in the test output: reference the host so every module is loaded");
        return Assembly.LoadFrom(path);
    }
}
