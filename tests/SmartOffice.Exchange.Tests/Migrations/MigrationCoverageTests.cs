using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Tests.Migrations;

/// <summary>
/// Every change to the model comes with a migration for each provider; otherwise a database would lag behind the code
/// that uses it. Comparing the model with a provider's model snapshot needs no database, so these run everywhere.
/// </summary>
[TestClass]
public sealed class MigrationCoverageTests
{
    [TestMethod]
    [DataRow(DatabaseRegistration.Sqlite, "Data Source=unused.db")]
    [DataRow(DatabaseRegistration.Postgres, "Host=127.0.0.1;Database=unused")]
    public async Task The_model_has_no_change_that_a_migration_does_not_carry(string provider, string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(
            new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?>
                    {
                        ["Database:Provider"] = provider,
                        ["ConnectionStrings:SmartOffice"] = connectionString,
                        ["Data:Path"] = Path.GetTempPath(),
                    }
                )
                .Build()
        );
        services.AddExchangeDatabase();
        await using var provided = services.BuildServiceProvider();
        await using var scope = provided.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();

        Assert.AreEqual(
            MigrationBaseline.MigrationId,
            db.Database.GetMigrations().FirstOrDefault(),
            "the first migration is the one databases upgrade from"
        );
        Assert.IsFalse(
            db.Database.HasPendingModelChanges(),
            $"the model changed without a migration: dotnet ef migrations add <Name> --project "
                + $"src/SmartOffice.Exchange.Migrations.{provider}"
        );
    }
}
