using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Tests.Migrations;

/// <summary>
/// An empty database of either provider, reached through the hosts' own registration (<see
/// cref="DatabaseRegistration"/>):
/// a temporary SQLite file, or a fresh database on the PostgreSQL server the test script started
/// (SMARTOFFICE_TEST_POSTGRES), dropped afterwards.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly string? _folder;

    private TestDatabase(
        string provider,
        string connectionString,
        string? postgresAdmin,
        string? postgresName,
        string? folder
    )
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        _folder = folder;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(
            new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?>
                    {
                        ["Database:Provider"] = provider,
                        ["ConnectionStrings:SmartOffice"] = connectionString,
                    }
                )
                .Build()
        );
        services.AddExchangeDatabase();
        Services = services.BuildServiceProvider();
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public bool IsSqlite => Provider == DatabaseRegistration.Sqlite;

    /// <summary>
    /// PostgreSQL tests run wherever the test script ran; elsewhere they are inconclusive, never silently green.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == DatabaseRegistration.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("smartoffice-migrations-").FullName;
            return new TestDatabase(
                provider,
                $"Data Source={Path.Combine(folder, "test.db")};Pooling=False",
                null,
                null,
                folder
            );
        }

        var admin = Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Assert.Inconclusive("SMARTOFFICE_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL");
        }

        var name = $"smartoffice_migrations_{Guid.NewGuid():N}";
        await ExecuteAsPostgresAdminAsync(admin, $"CREATE DATABASE {name}");
        return new TestDatabase(
            provider,
            new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
            admin,
            name,
            null
        );
    }

    public async Task<T> UseAsync<T>(Func<ExchangeDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ExchangeDbContext>());
    }

    public Task UseAsync(Func<ExchangeDbContext, Task> work) =>
        UseAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Runs a whole SQL script, as a database administrator would with sqlite3 or psql.</summary>
    public async Task ExecuteScriptAsync(string script)
    {
        if (IsSqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var command = new SqliteCommand(script, sqlite);
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var postgres = new NpgsqlConnection(ConnectionString);
        await postgres.OpenAsync();
        await using var batch = new NpgsqlCommand(script, postgres);
        await batch.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsPostgresAdminAsync(_postgresAdmin, $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task ExecuteAsPostgresAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
