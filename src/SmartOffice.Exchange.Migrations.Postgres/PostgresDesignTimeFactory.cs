using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Migrations.Postgres;

/// <summary>
/// Makes the context for <c>dotnet ef</c> with the options the hosts use, without starting one. Adding a migration
/// opens no database; <c>dotnet ef database update -- "Host=…"</c> names the one to update.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<ExchangeDbContext>
{
    public ExchangeDbContext CreateDbContext(string[] args)
    {
        var connectionString = args is [var given, ..]
            ? given
            : "Host=127.0.0.1;Port=5432;Username=postgres;Database=smartoffice";
        return new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>()
                .UseNpgsql(DatabaseRegistration.WithPostgresDefaults(connectionString), ExchangeMigrations.Postgres)
                .Options
        );
    }
}
