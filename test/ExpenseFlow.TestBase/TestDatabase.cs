using System.Security.Cryptography;
using System.Text;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpenseFlow.TestBase;

/// <summary>
/// The real PostgreSQL server the test run started (etc/scripts/pg.sh start pg-test). Every test class gets a database
/// of its own, copied from a template that holds every module's migrations, and dropped afterwards.
/// </summary>
public static class TestDatabase
{
    public const string DemoPassword = "Test-Passw0rd-2026";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("EXPENSEFLOW_TEST_PG")
        ?? "Host=127.0.0.1;Port=55433;Database=postgres;Username=expenseflow;Password=expenseflow;Timeout=30";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;

    /// <summary>Creates a fresh, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = "ef_t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Runs every module's migrator against a database, the same code the DbMigrator runs.</summary>
    public static async Task MigrateAsync(string connectionString, bool demo)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ExpenseFlow"] = connectionString });
        builder.Logging.ClearProviders();
        ModuleSet.AddAll(builder.Services, builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
        {
            await migrator.MigrateAsync(CancellationToken.None);
            if (demo)
            {
                await migrator.SeedDemoAsync(DemoPassword, CancellationToken.None);
            }
        }
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null)
        {
            return _template;
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            // One template per build of the modules: its name is a hash of their assemblies' identities.
            var ids = string.Join(",", ModuleSet.MigrationAssemblies.Select(a => a.ManifestModule.ModuleVersionId));
            var name = "ef_tmpl_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16].ToLowerInvariant();
            await using var conn = new NpgsqlConnection(ConnectionStringFor("postgres"));
            await conn.OpenAsync();
            // Several test assemblies start at once: an advisory lock lets one of them build the template.
            await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(734211)", conn))
            {
                await lockCmd.ExecuteNonQueryAsync();
            }

            try
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
                exists.Parameters.AddWithValue("n", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var building = name + "_b";
                    await ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    await ExecuteAsync($"CREATE DATABASE \"{building}\"");
                    await MigrateAsync(ConnectionStringFor(building), demo: false);
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(734211)", conn);
                await unlock.ExecuteNonQueryAsync();
            }

            _template = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
