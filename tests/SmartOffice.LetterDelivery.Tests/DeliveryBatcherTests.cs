using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Tests.Infrastructure;
using SmartOffice.LetterDelivery.Tests.Infrastructure;

namespace SmartOffice.LetterDelivery.Tests;

/// <summary>
/// Deliveries of messages consumed at the same moment commit together (DeliveryBatcher): each message still succeeds
/// or fails on its own, and copies of a message raced through several lanes deliver each recipient exactly once.
/// The letters are written as the Api accepts them, and their deliveries stay Queued until the test hands their
/// messages to the batcher.
/// </summary>
[TestClass]
public sealed class DeliveryBatcherTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Messages_consumed_together_are_delivered_once_each_and_an_unknown_letter_fails_alone(
        string provider
    )
    {
        await using var host = await StartAsync(provider);
        var messages = await AcceptedLetters.AddAsync(
            host,
            ["9011001", "9011002"],
            ["9011003"],
            ["9011004"],
            ["9012001", "9011005"]
        );
        var unknown = messages[0] with { LetterId = Guid.NewGuid() };
        var batcher = host.Services.GetRequiredService<DeliveryBatcher>();

        // Started together so that they meet in the lanes' queue: the unknown letter and a copy of the first message
        // among them.
        var calls = messages
            .Append(unknown)
            .Append(messages[0])
            .Select(m => batcher.DeliverAsync(m, CancellationToken.None))
            .ToList();
        var failure = await Assert.ThrowsExactlyAsync<LetterNotFoundException>(() => calls[messages.Count]);
        StringAssert.Contains(failure.Message, unknown.LetterId.ToString());
        var outcomes = await Task.WhenAll(calls.Where((_, i) => i != messages.Count));

        Assert.AreEqual(
            6,
            outcomes.Sum(o => o.Delivered.Count),
            "each recipient's delivery is reported once, the copy reports none twice"
        );
        foreach (var (message, outcome) in messages.Zip(outcomes))
        {
            Assert.AreEqual(message.LetterId, outcome.Letter.Id);
            Assert.AreEqual(
                message.RecipientRegistryNumbers.Count + 1,
                outcome.Evidences.Count,
                "acceptance + one consignment per recipient, for the archive"
            );
        }

        await AssertDeliveredOnceWithLinearChainsAsync(host, messages);
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Copies_raced_through_the_lanes_deliver_each_recipient_exactly_once(string provider)
    {
        await using var host = await StartAsync(
            provider,
            new Dictionary<string, string?> { ["Delivery:MaxBatch"] = "4" }
        );
        var messages = await AcceptedLetters.AddAsync(
            host,
            [.. Enumerable.Range(1, 8).Select(i => new[] { $"90110{i:D2}", $"90110{i + 8:D2}" })]
        );
        var batcher = host.Services.GetRequiredService<DeliveryBatcher>();

        // Six copies of each, shuffled, in small batches over four lanes: batches holding the same letters race for the
        // claims.
        var copies = messages.SelectMany(m => Enumerable.Repeat(m, 6)).OrderBy(_ => Random.Shared.Next()).ToList();
        var outcomes = await Task.WhenAll(copies.Select(m => batcher.DeliverAsync(m, CancellationToken.None)));

        Assert.AreEqual(16, outcomes.Sum(o => o.Delivered.Count), "every delivery is reported by exactly one copy");
        await AssertDeliveredOnceWithLinearChainsAsync(host, messages);
    }

    private static Task<ExchangeHost> StartAsync(string provider, Dictionary<string, string?>? settings = null) =>
        ExchangeHost.StartAsync(provider, settings, builder => builder.Services.AddSmartOfficeDelivery());

    private static async Task AssertDeliveredOnceWithLinearChainsAsync(
        ExchangeHost host,
        List<LetterSubmitted> messages
    )
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var ids = messages.Select(m => m.LetterId).ToList();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.LetterId)).ToListAsync();
        Assert.AreEqual(messages.Sum(m => m.RecipientRegistryNumbers.Count), deliveries.Count);
        Assert.IsTrue(
            deliveries.All(d => d.State == DeliveryState.Delivered && d.DeliveredAt is not null),
            "every delivery left Queued"
        );
        var evidences = await db.Evidences.AsNoTracking().Where(e => ids.Contains(e.LetterId)).ToListAsync();
        foreach (var delivery in deliveries)
        {
            Assert.AreEqual(
                1,
                evidences.Count(e =>
                    e.LetterId == delivery.LetterId
                    && e.RecipientRegistryNumber == delivery.RecipientRegistryNumber
                    && e.Event == EvidenceEvents.ContentConsignment
                ),
                $"one consignment evidence for {delivery.RecipientRegistryNumber}"
            );
        }

        foreach (var letter in evidences.GroupBy(e => e.LetterId))
        {
            // A chain, not a tree: one first evidence, every other one follows a different predecessor, and event time
            // sorts them in chain order.
            var ordered = letter.OrderBy(e => e.EventTime).ToList();
            Assert.AreEqual(EvidenceEvents.SubmissionAcceptance, ordered[0].Event);
            Assert.IsNull(ordered[0].PreviousEvidenceId);
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.AreEqual(
                    ordered[i - 1].Id,
                    ordered[i].PreviousEvidenceId,
                    $"evidence {i} of letter {letter.Key} follows the one before it"
                );
            }
        }
    }
}
