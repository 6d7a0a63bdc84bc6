using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Tests.Migrations;

/// <summary>
/// A database made by the service's former migrations (FormerSchema.*.sql) upgrades at start to the generated ones:
/// it keeps its rows, and ends with the schema a new database gets.
/// </summary>
[TestClass]
public sealed class FormerDatabaseUpgradeTests
{
    [TestMethod]
    [DataRow(DatabaseRegistration.Sqlite)]
    [DataRow(DatabaseRegistration.Postgres)]
    public async Task A_former_database_upgrades_and_keeps_its_letters(string provider)
    {
        await using var database = await FormerDatabaseAsync(provider);
        var letter = new
        {
            Id = Guid.NewGuid(),
            Subject = "Отчёт за ноябрь",
            DeliveryId = Guid.NewGuid(),
        };
        await database.UseAsync(async db =>
        {
            db.Add(
                new Organization
                {
                    RegistryNumber = "100001",
                    Name = "Sender",
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            await db.SaveChangesAsync();

            // The letter goes in with the former schema's columns: today's model has columns that table does not have
            // yet.
            object Id(Guid id) => db.IsSqlite ? id.ToString().ToUpperInvariant() : id;
            object Now() =>
                db.IsSqlite
                    ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!
                    : DateTimeOffset.UtcNow;
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Letters" ("Id", "SenderOrganizationId", "SenderRegistryNumber", "SenderAccountId",
                    "Subject", "SubjectSearch", "DocumentSha256", "DocumentSize", "SubmittedAt", "ValidationReportJson",
                    "RecipientKey")
                VALUES ({0}, {1}, '100001', {1}, {2}, {3}, {4}, 0, {5}, '{{}}', '200002')
                """,
                Id(letter.Id),
                Id(Guid.NewGuid()),
                letter.Subject,
                letter.Subject.ToLowerInvariant(),
                new string('a', 64),
                Now()
            );
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Deliveries"
                    ("Id", "LetterId", "RecipientOrganizationId", "RecipientRegistryNumber", "State", "IsReported")
                VALUES ({0}, {1}, {2}, '200002', 'Queued', FALSE)
                """,
                Id(letter.DeliveryId),
                Id(letter.Id),
                Id(Guid.NewGuid())
            );
        });

        await database.Services.MigrateExchangeDatabaseAsync();

        await database.UseAsync(async db =>
        {
            Assert.IsEmpty(await db.Database.GetPendingMigrationsAsync());
            var upgraded = await db.Letters.Include(l => l.Deliveries).SingleAsync();
            Assert.AreEqual(letter.Subject, upgraded.Subject);
            Assert.AreEqual("отчёт за ноябрь", upgraded.SubjectSearch);
            Assert.AreEqual(
                letter.DeliveryId,
                upgraded.Deliveries.Single().Id,
                "the delivery outlives its letter's table being rebuilt"
            );
            Assert.AreEqual("100001", (await db.Organizations.SingleAsync()).RegistryNumber);
        });
    }

    [TestMethod]
    [DataRow(DatabaseRegistration.Sqlite)]
    [DataRow(DatabaseRegistration.Postgres)]
    public async Task An_upgraded_database_has_the_schema_a_new_one_gets(string provider)
    {
        await using var former = await FormerDatabaseAsync(provider);
        await former.Services.MigrateExchangeDatabaseAsync();
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await fresh.Services.MigrateExchangeDatabaseAsync();

        var upgraded = await former.UseAsync(SchemaAsync);
        var created = await fresh.UseAsync(SchemaAsync);

        Assert.IsTrue(
            created.Any(line => line.Contains("IX_OutboxMessages_Unsent", StringComparison.Ordinal)),
            "the schema was read"
        );
        var onlyUpgraded = upgraded.Except(created).ToList();
        var onlyCreated = created.Except(upgraded).ToList();
        Assert.IsTrue(
            onlyUpgraded.Count == 0 && onlyCreated.Count == 0,
            $"only in the upgraded database:\n{string.Join('\n', onlyUpgraded)}\nonly in the new "
                + $"one:\n{string.Join('\n', onlyCreated)}"
        );
    }

    [TestMethod]
    [DataRow(DatabaseRegistration.Sqlite)]
    [DataRow(DatabaseRegistration.Postgres)]
    public async Task A_database_the_former_migrations_left_short_of_their_last_is_refused_with_the_reason(
        string provider
    )
    {
        await using var database = await FormerDatabaseAsync(provider);
        await database.ExecuteScriptAsync(
            $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{MigrationBaseline.MigrationId}'"
        );

        var refusal = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() =>
            database.Services.MigrateExchangeDatabaseAsync()
        );

        StringAssert.Contains(refusal.Message, "20261204001000_SecurityStamps");
        StringAssert.Contains(refusal.Message, MigrationBaseline.MigrationId);
    }

    [TestMethod]
    public async Task A_new_PostgreSQL_database_keeps_evidence_rows_whole_and_compresses_reports_with_lz4()
    {
        await using var fresh = await TestDatabase.CreateAsync(DatabaseRegistration.Postgres);
        await fresh.Services.MigrateExchangeDatabaseAsync();

        var schema = await fresh.UseAsync(SchemaAsync);

        Assert.IsTrue(
            schema.Contains("storage Evidences toast_tuple_target=8160"),
            "evidence rows stay whole in the table"
        );
        Assert.IsTrue(
            schema.Any(line =>
                line.StartsWith("column Letters.ValidationReportJson text", StringComparison.Ordinal)
                && line.EndsWith("compression=l", StringComparison.Ordinal)
            ),
            "the validation report is compressed with lz4"
        );
    }

    private static async Task<TestDatabase> FormerDatabaseAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await database.ExecuteScriptAsync(
                await File.ReadAllTextAsync(
                    Path.Combine(AppContext.BaseDirectory, "Migrations", $"FormerSchema.{provider}.sql")
                )
            );
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task<IReadOnlyList<string>> SchemaAsync(ExchangeDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        return await SchemaDescription.ReadAsync(db.Database.GetDbConnection(), db.IsSqlite);
    }
}
