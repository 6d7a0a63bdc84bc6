using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SmartOffice.Exchange.Hosting;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Exchange.Tests.Infrastructure;

/// <summary>
/// A started host of the shared composition root (<see cref="SmartOfficeCore"/>: checked settings, database, seal,
/// archive, audit writer and chainer) on a migrated database of either provider: a temporary SQLite file, or a fresh
/// database on the PostgreSQL server the test script started (SMARTOFFICE_TEST_POSTGRES), dropped afterwards.
/// Test projects of the code that builds on the core (LetterDelivery) link this file and add their own services.
/// </summary>
internal sealed class ExchangeHost : IAsyncDisposable
{
    private static readonly Lazy<string> s_pki = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-test-pki-").FullName;
        DemoPki.Create().WriteTo(folder);
        return folder;
    });

    private readonly IHost _host;
    private readonly string? _createdPostgresDatabase;

    private ExchangeHost(
        IHost host,
        string provider,
        string connectionString,
        string folder,
        string? createdPostgresDatabase
    )
    {
        _host = host;
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _createdPostgresDatabase = createdPostgresDatabase;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>This host's own folder: its data, its archive (Archive/) and, on SQLite, its database.</summary>
    public string Folder { get; }

    public string ArchivePath => Path.Combine(Folder, "archive");

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// PostgreSQL tests run wherever the test script ran; elsewhere they are inconclusive, never silently green.
    /// </summary>
    public static void RequireProvider(string provider)
    {
        if (
            provider == DatabaseRegistration.Postgres
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES"))
        )
        {
            Assert.Inconclusive("SMARTOFFICE_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL");
        }
    }

    /// <summary>
    /// Starts a host on a new database, or on the one ConnectionStrings:SmartOffice in <paramref name="settings"/>
    /// names
    /// (a second process on the same database). <paramref name="services"/> adds what the code under test needs beyond
    /// the core.
    /// </summary>
    public static async Task<ExchangeHost> StartAsync(
        string provider,
        IDictionary<string, string?>? settings = null,
        Action<IHostApplicationBuilder>? services = null
    )
    {
        RequireProvider(provider);
        var folder = Directory.CreateTempSubdirectory("smartoffice-test-host-").FullName;
        string? created = null;
        var given = settings?.TryGetValue("ConnectionStrings:SmartOffice", out var value) == true ? value : null;
        var connectionString = given
            ?? (
                provider == DatabaseRegistration.Postgres
                    ? CreatePostgresDatabase(out created)
                    : $"Data Source={Path.Combine(folder, "test.db")}"
            );

        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true }
        );
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:SmartOffice"] = connectionString,
                ["Data:Path"] = folder,
                ["Archive:Path"] = Path.Combine(folder, "archive"),
                ["Seal:CertificatePath"] = Path.Combine(s_pki.Value, "p12", "seal.p12"),
                ["Seal:Password"] = "demo",
                ["Messaging:Transport"] = "InMemory",
            }
        );
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSmartOfficeCore(builder.Configuration, "test");
        services?.Invoke(builder);
        var host = builder.Build();
        await host.Services.MigrateExchangeDatabaseAsync();
        await host.StartAsync();
        return new ExchangeHost(host, provider, connectionString, folder, created);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_createdPostgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsPostgresAdminAsync($"DROP DATABASE IF EXISTS {_createdPostgresDatabase} WITH (FORCE)");
        }
        else if (Provider == DatabaseRegistration.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private static string CreatePostgresDatabase(out string name)
    {
        name = $"smartoffice_test_{Guid.NewGuid():N}";
        ExecuteAsPostgresAdminAsync($"CREATE DATABASE {name}").GetAwaiter().GetResult();
        return new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES"))
        {
            Database = name,
        }.ConnectionString;
    }

    private static async Task ExecuteAsPostgresAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES")
        );
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
