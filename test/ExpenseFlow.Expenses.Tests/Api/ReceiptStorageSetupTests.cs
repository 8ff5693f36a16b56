using System.Text.Json;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>A host told to keep receipts in a folder it cannot create (its parent is a file).</summary>
public sealed class UnwritableFolderApp : ExpenseFlowApp
{
    public string Blocker { get; } = Path.Combine(Path.GetTempPath(), "expenseflow-blocker-" + Guid.NewGuid().ToString("N"));

    public string UnwritablePath => Path.Combine(Blocker, "receipts");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        File.WriteAllText(Blocker, "a file where the receipt folder's parent should be");
        base.ConfigureWebHost(builder);
        builder.UseSetting("Receipts:StoragePath", UnwritablePath);
    }

    protected override async Task ShutdownAsync()
    {
        File.Delete(Blocker);
        await base.ShutdownAsync();
    }
}

/// <summary>Where receipts go in a deployment, and what the host does when it cannot store them.</summary>
public class ReceiptStorageSetupTests(UnwritableFolderApp unwritable) : IClassFixture<UnwritableFolderApp>
{
    [Fact]
    public void AHostThatCannotWriteItsReceiptFolder_RefusesToStart_NamingTheSetting()
    {
        var ex = Should.Throw<ReceiptStorageUnusableException>(() => unwritable.CreateClient());

        ex.Message.ShouldContain(unwritable.UnwritablePath);
        ex.Message.ShouldContain("Receipts:StoragePath");
    }

    /// <summary>
    /// The systemd unit gives the service a private /tmp and /var/tmp (PrivateTmp=true), emptied at every stop: the
    /// receipt folder must be in the unit's persistent StateDirectory, both by default and in the production template.
    /// </summary>
    [Fact]
    public void TheDeployment_KeepsReceiptsInTheServicesStateDirectory()
    {
        var deploy = DeployFolder();
        var unit = File.ReadAllLines(Path.Combine(deploy, "expenseflow.service")).Select(l => l.Trim()).ToList();
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(deploy, "appsettings.Production.template.json")));
        var receipts = template.RootElement.GetProperty("Receipts");

        unit.ShouldContain("StateDirectory=expenseflow");
        var stateDirectory = "/var/lib/expenseflow/";
        receipts.GetProperty("StoragePath").GetString()!.ShouldStartWith(stateDirectory);
        receipts.GetProperty("Store").GetString().ShouldBeOneOf("FileSystem", "Database");
        ReceiptStorageOptions.DefaultPath.ShouldStartWith(stateDirectory);
        if (unit.Contains("PrivateTmp=true"))
        {
            foreach (var path in new[] { receipts.GetProperty("StoragePath").GetString()!, ReceiptStorageOptions.DefaultPath })
            {
                path.ShouldNotStartWith("/tmp/");
                path.ShouldNotStartWith("/var/tmp/");
            }
        }
    }

    private static string DeployFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "etc", "deploy");
            if (File.Exists(Path.Combine(candidate, "expenseflow.service")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("etc/deploy was not found above " + AppContext.BaseDirectory);
    }
}
