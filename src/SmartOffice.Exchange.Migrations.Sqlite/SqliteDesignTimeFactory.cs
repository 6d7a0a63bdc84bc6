using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Migrations.Sqlite;

/// <summary>
/// Makes the context for <c>dotnet ef</c> with the options the hosts use, without starting one. Adding a migration
/// opens no database; <c>dotnet ef database update -- "Data Source=…"</c> names the one to update.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ExchangeDbContext>
{
    public ExchangeDbContext CreateDbContext(string[] args)
    {
        var connectionString = args is [var given, ..] ? given : "Data Source=data/smartoffice.db";
        return new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>()
                .UseSqlite(connectionString, ExchangeMigrations.Sqlite)
                .Options
        );
    }
}
