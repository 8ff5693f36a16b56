using System.Diagnostics;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>The portal's typed client calls only endpoints that the host's OpenAPI document describes.</summary>
public class PortalApiContractTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task EveryEndpointThePortalCalls_IsInTheOpenApiDocument()
    {
        var document = Path.Combine(Path.GetTempPath(), $"expenseflow-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var node = Path.Combine(PortalHost.RepoRoot, ".tools", "node", "bin", "node");
        File.Exists(node).ShouldBeTrue($"{node} is missing: run etc/scripts/ensure-node.sh");

        var start = new ProcessStartInfo(node, [Path.Combine(PortalHost.RepoRoot, "angular", "scripts", "api-check.mjs"), document])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(document);

        process.ExitCode.ShouldBe(0, output);
        output.ShouldMatch(@"api:check: (\d+) of \1 client endpoints found");
    }
}
