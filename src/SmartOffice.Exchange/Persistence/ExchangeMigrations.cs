using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// Where each provider's migrations live. The model differs per provider (times are UTC ticks on SQLite, timestamptz on
/// PostgreSQL), so each has its own generated migrations and model snapshot, in an assembly of its own: EF finds
/// migrations by context type, and one assembly can hold only one set per context.
/// </summary>
public static class ExchangeMigrations
{
    public const string SqliteAssembly = "SmartOffice.Exchange.Migrations.Sqlite";
    public const string PostgresAssembly = "SmartOffice.Exchange.Migrations.Postgres";

    /// <summary>For <c>UseSqlite(connection, ExchangeMigrations.Sqlite)</c>.</summary>
    public static void Sqlite(SqliteDbContextOptionsBuilder sqlite)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        sqlite.MigrationsAssembly(SqliteAssembly);
    }

    /// <summary>For <c>UseNpgsql(connectionString, ExchangeMigrations.Postgres)</c>.</summary>
    public static void Postgres(
        Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql
    )
    {
        ArgumentNullException.ThrowIfNull(npgsql);
        npgsql.MigrationsAssembly(PostgresAssembly);
    }
}
