using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Outbox;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The outbox: a letter committed but not yet published survives the Api dying and is published to RabbitMQ after
/// restart, or by another instance once the dead one's short lease runs out.
/// </summary>
[TestClass]
public sealed class OutboxTests
{
    private const string LetterSubmittedExchange = "SmartOffice.Contracts:LetterSubmitted";

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_letter_committed_before_a_crash_is_published_after_restart(string provider)
    {
        ApiFactory.RequireProvider(provider);
        await using var broker = await Broker.WatchAsync(LetterSubmittedExchange);
        string letterId;
        string connectionString;
        string dataPath;
        using (
            var crashing = new ApiFactory(provider, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" })
        )
        {
            using var company = await ApiSession.CompanyAsync(crashing, TestPki.Pki.CompanyA);
            letterId = (await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
                .GetProperty("id")
                .GetString()!;
            Assert.AreEqual(1, await UnsentAsync(crashing));
            (connectionString, dataPath) = (crashing.ConnectionString, crashing.DataPath);
        }

        var restart = new Dictionary<string, string?>(Broker.Settings)
        {
            ["ConnectionStrings:SmartOffice"] = connectionString,
            ["Data:Path"] = dataPath,
            ["Archive:Path"] = Path.Combine(dataPath, "archive"),
        };
        using var restarted = new ApiFactory(provider, restart);
        _ = restarted.Server;

        var published = await broker.ReceiveAsync(1, TimeSpan.FromSeconds(30));
        Assert.HasCount(1, published);
        Assert.AreEqual(letterId, published[0].GetProperty("letterId").GetString());
        for (var i = 0; i < 50 && await UnsentAsync(restarted) > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.AreEqual(0, await UnsentAsync(restarted), "the row is marked sent once the broker confirmed");
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Several_publishers_publish_each_row_exactly_once(string provider)
    {
        ApiFactory.RequireProvider(provider);
        await using var broker = await Broker.WatchAsync(LetterSubmittedExchange);
        using var factory = new ApiFactory(
            provider,
            new Dictionary<string, string?>(Broker.Settings) { ["Outbox:Enabled"] = "false" }
        );
        _ = factory.Server;
        var letters = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            db.OutboxMessages.AddRange(
                letters.Select(id => new OutboxMessage
                {
                    MessageType = typeof(LetterSubmitted).FullName!,
                    CreatedAt = DateTimeOffset.UtcNow,
                    Payload = JsonSerializer.Serialize(
                        new LetterSubmitted
                        {
                            LetterId = id,
                            SenderRegistryNumber = "5123456",
                            RecipientRegistryNumbers = ["9011001"],
                            DocumentSha256 = new string('0', 64),
                        },
                        SmartOffice.Exchange.ExchangeJson.Options
                    ),
                })
            );
            await db.SaveChangesAsync();
        }

        var publishers = Enumerable
            .Range(0, 3)
            .Select(_ => ActivatorUtilities.CreateInstance<OutboxPublisher>(factory.Services))
            .ToList();
        await Task.WhenAll(
            publishers.Select(p =>
                Task.Run(async () =>
                {
                    while (await p.PublishBatchAsync(CancellationToken.None) > 0) { }
                })
            )
        );

        var received = await broker.ReceiveAsync(letters.Count + 1, TimeSpan.FromSeconds(5));
        var ids = received.Select(m => Guid.Parse(m.GetProperty("letterId").GetString()!)).ToList();
        Assert.HasCount(letters.Count, ids, "no row published twice, none lost");
        CollectionAssert.AreEquivalent(letters, ids);
        Assert.AreEqual(0, await UnsentAsync(factory));
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_row_leased_by_a_crashed_instance_is_published_by_another_within_seconds(string provider)
    {
        ApiFactory.RequireProvider(provider);
        await using var broker = await Broker.WatchAsync(LetterSubmittedExchange);
        using var factory = new ApiFactory(provider, new Dictionary<string, string?>(Broker.Settings));
        _ = factory.Server;
        var lease = TimeSpan.FromSeconds(
            factory.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.LeaseSeconds
        );
        var letter = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As an instance leaves a row it claimed just before it died: its lease runs its full length.
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            db.OutboxMessages.Add(
                new OutboxMessage
                {
                    MessageType = typeof(LetterSubmitted).FullName!,
                    CreatedAt = DateTimeOffset.UtcNow,
                    Payload = JsonSerializer.Serialize(
                        new LetterSubmitted
                        {
                            LetterId = letter,
                            SenderRegistryNumber = "5123456",
                            RecipientRegistryNumbers = ["9011001"],
                            DocumentSha256 = new string('0', 64),
                        },
                        SmartOffice.Exchange.ExchangeJson.Options
                    ),
                    ClaimedBy = "crashed-instance:claim",
                    ClaimedUntil = DateTimeOffset.UtcNow + lease,
                }
            );
            await db.SaveChangesAsync();
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var seen = false;
        while (!seen && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            // Other tests on this broker publish too: only this letter counts.
            seen = (await broker.ReceiveAsync(1, TimeSpan.FromMilliseconds(200))).Any(m =>
                m.GetProperty("letterId").GetString() == letter.ToString()
            );
        }

        Assert.IsTrue(seen, "the crashed instance's row was never published");
        Assert.IsGreaterThan(
            lease - TimeSpan.FromSeconds(1),
            waited.Elapsed,
            "published while the crashed instance's lease still held"
        );
        Assert.IsLessThan(
            lease + TimeSpan.FromSeconds(4),
            waited.Elapsed,
            "taken over within seconds of the lease running out"
        );
    }

    private static async Task<int> UnsentAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .OutboxMessages.CountAsync(m => m.SentAt == null);
    }
}
