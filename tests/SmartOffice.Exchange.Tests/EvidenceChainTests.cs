using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Refusals;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Exchange.Tests;

/// <summary>
/// A letter's evidences are ordered, and extended, by their chain: the Api and the Worker stamp event times with their
/// own hosts' clocks, which may differ by more than a delivery takes.
/// </summary>
[TestClass]
public sealed class EvidenceChainTests
{
    private static readonly DemoPki Pki = DemoPki.Create();
    private static readonly DateTimeOffset Accepted = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task A_new_evidence_follows_the_chain_end_even_when_a_worker_clock_behind_stamped_it_earlier()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:;Foreign Keys=False");
        await connection.OpenAsync();
        await using var db = new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>().UseSqlite(connection, ExchangeMigrations.Sqlite).Options
        );
        await db.Database.MigrateAsync();
        var writer = new EvidenceWriter(new EvidenceSealer(Pki.Seal.Certificate, Pki.Seal.Chain));
        var letterId = Guid.NewGuid();
        EvidenceRecord delivery = null!,
            opened = null!,
            registered = null!;
        await LetterStep.RunAsync<bool>(
            db,
            [letterId],
            _ =>
            {
                var acceptance = writer.AddFirst(db, Draft(letterId, EvidenceEvents.SubmissionAcceptance, Accepted));
                // The worker's clock runs 40 ms behind the Api's: the delivery carries a time before the acceptance it
                // follows.
                delivery = writer.AddAfter(
                    db,
                    Draft(letterId, EvidenceEvents.ContentConsignment, Accepted.AddMilliseconds(-40)),
                    acceptance.Id
                );
                return Task.FromResult<Outcome<bool>>(true);
            },
            CancellationToken.None
        );
        db.ChangeTracker.Clear();

        await LetterStep.RunAsync<bool>(
            db,
            [letterId],
            async ct =>
            {
                opened = await writer.AddAsync(
                    db,
                    Draft(letterId, EvidenceEvents.ContentAccessTracking, Accepted.AddMinutes(3)),
                    ct
                );
                registered = await writer.AddAsync(
                    db,
                    Draft(letterId, EvidenceEvents.Registration, Accepted.AddMinutes(4)),
                    ct
                );
                return true;
            },
            CancellationToken.None
        );

        Assert.AreEqual(
            delivery.Id,
            opened.PreviousEvidenceId,
            "chained after the delivery, the chain's end, not after the acceptance with the latest time"
        );
        Assert.AreEqual(
            opened.Id,
            registered.PreviousEvidenceId,
            "an evidence added but not yet saved in the same context is the end"
        );
        var stored = await db.Evidences.AsNoTracking().Where(e => e.LetterId == letterId).ToListAsync();
        CollectionAssert.AreEqual(
            new[]
            {
                EvidenceEvents.SubmissionAcceptance,
                EvidenceEvents.ContentConsignment,
                EvidenceEvents.ContentAccessTracking,
                EvidenceEvents.Registration,
            },
            EvidenceChain.Order(stored).Select(e => e.Event).ToArray()
        );
    }

    [TestMethod]
    public void Records_off_the_chain_are_still_all_returned_after_it()
    {
        var letterId = Guid.NewGuid();
        var first = Record(letterId, "A", Accepted, previous: null);
        var second = Record(letterId, "B", Accepted.AddSeconds(-5), first.Id);
        var forkLate = Record(letterId, "C2", Accepted.AddSeconds(9), second.Id);
        var forkEarly = Record(letterId, "C1", Accepted.AddSeconds(8), second.Id);
        var orphan = Record(letterId, "D", Accepted.AddSeconds(1), previous: Guid.NewGuid());
        var loopA = Record(letterId, "X", Accepted.AddSeconds(2), previous: null);
        var loopB = Record(letterId, "Y", Accepted.AddSeconds(3), loopA.Id);
        loopA.PreviousEvidenceId = loopB.Id;

        var ordered = EvidenceChain.Order([loopB, forkLate, orphan, second, loopA, forkEarly, first]);

        CollectionAssert.AreEqual(
            new[] { "A", "B", "C1", "C2", "D", "X", "Y" },
            ordered.Select(e => e.Event).ToArray()
        );
        Assert.IsNull(EvidenceChain.End([]));
    }

    private static EvidenceDocument Draft(Guid letterId, string evidenceEvent, DateTimeOffset at) =>
        new()
        {
            Event = evidenceEvent,
            EventTime = at,
            Issuer = "",
            Sender = "5123456",
            Recipient = "9011001",
            LetterId = letterId,
            DocumentSha256 = new string('a', 64),
        };

    private static EvidenceRecord Record(Guid letterId, string evidenceEvent, DateTimeOffset at, Guid? previous) =>
        new()
        {
            LetterId = letterId,
            Event = evidenceEvent,
            EventTime = at,
            PreviousEvidenceId = previous,
            Json = "{}",
        };
}
