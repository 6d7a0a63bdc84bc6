using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// Chooses the database provider from Database:Provider (Sqlite | Postgres) and ConnectionStrings:SmartOffice.
/// </summary>
public static class DatabaseRegistration
{
    public const string Sqlite = DatabaseOptions.Sqlite;
    public const string Postgres = DatabaseOptions.Postgres;

    /// <summary>
    /// Registers the DbContext; the options are read when the first context is made (hosts and tests add settings
    /// late).
    /// </summary>
    public static IServiceCollection AddExchangeDatabase(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(IValidateOptions<DatabaseOptions>)))
        {
            services.AddDatabaseOptions();
        }

        services.AddDbContextPool<ExchangeDbContext>(
            (serviceProvider, options) =>
            {
                var database = serviceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                if (database.IsPostgres)
                {
                    options.UseNpgsql(WithPostgresDefaults(database.ConnectionString!), ExchangeMigrations.Postgres);
                }
                else
                {
                    var data = serviceProvider.GetRequiredService<IOptions<DataOptions>>().Value.Path;
                    Directory.CreateDirectory(data);
                    options.UseSqlite(
                        database.ConnectionString ?? $"Data Source={Path.Combine(data, "smartoffice.db")}",
                        ExchangeMigrations.Sqlite
                    );
                }

                options.AddInterceptors(NulCharacterGuard.Instance);
            }
        );
        return services;
    }

    /// <summary>
    /// Prepared statements and no session reset, unless the connection string says otherwise: every request runs the
    /// same few statements, and a DISCARD ALL on each return to the pool (four per submitted letter) re-planned them
    /// every time. We keep no session state (no SET, LISTEN or temporary tables; advisory locks are per transaction).
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies migrations; on SQLite also turns on WAL so readers do not block the single writer.</summary>
    public static async Task MigrateExchangeDatabaseAsync(
        this IServiceProvider services,
        CancellationToken cancellationToken = default
    )
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        await MigrationBaseline.EnsureUpgradableAsync(db, cancellationToken).ConfigureAwait(false);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.IsSqlite)
        {
            await SqliteLetterTextIndex.EnsureAsync(db, pending, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether an exception is a unique-constraint violation (PostgreSQL 23505, SQLite 19/2067).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            Npgsql.PostgresException postgres => postgres.SqlState == "23505",
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19
                && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            _ => false,
        };
    }
}
