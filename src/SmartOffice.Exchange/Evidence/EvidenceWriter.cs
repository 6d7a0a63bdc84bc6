using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Creates sealed evidences, each pointing at the previous evidence of the same letter so the sequence is a
/// chain. The record is added to the caller's DbContext inside a <see cref="Letters.LetterStep"/>: it commits with
/// the change it proves, under the chain lock, or not at all.
/// </summary>
public sealed class EvidenceWriter(EvidenceSealer sealer, TimeProvider? time = null)
{
    public string Issuer => sealer.Certificate.Subject;

    /// <summary>
    /// Adds the first evidence of a letter that is being created in the same transaction (no chain to look up).
    /// </summary>
    public EvidenceRecord AddFirst(ExchangeDbContext db, EvidenceDocument draft) => Add(db, draft, previous: null);

    /// <summary>
    /// Adds an evidence after <paramref name="previous"/>, the letter's latest evidence, which the caller already
    /// holds.
    /// </summary>
    public EvidenceRecord AddAfter(ExchangeDbContext db, EvidenceDocument draft, Guid? previous) =>
        Add(db, draft, previous);

    public async Task<EvidenceRecord> AddAsync(
        ExchangeDbContext db,
        EvidenceDocument draft,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        RequireTransaction(db);
        // The chain's end, not the latest event time (hosts' clocks differ); evidences added in this context count too.
        var stored = await db
            .Evidences.AsNoTracking()
            .Where(e => e.LetterId == draft.LetterId)
            .Select(e => new ChainLink(e.Id, e.PreviousEvidenceId, e.EventTime))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var added = db
            .Evidences.Local.Where(e => e.LetterId == draft.LetterId && stored.All(s => s.Id != e.Id))
            .Select(e => new ChainLink(e.Id, e.PreviousEvidenceId, e.EventTime));
        var end = EvidenceChain
            .Order(stored.Concat(added), l => l.Id, l => l.Previous, l => l.EventTime)
            .LastOrDefault();
        return Add(db, draft, end?.Id);
    }

    private EvidenceRecord Add(ExchangeDbContext db, EvidenceDocument draft, Guid? previous)
    {
        RequireTransaction(db);
        var document = draft with { PreviousEvidenceId = previous, Issuer = Issuer };
        var json = JsonSerializer.Serialize(document, ExchangeJson.Options);
        var record = new EvidenceRecord
        {
            Id = document.EvidenceId,
            LetterId = document.LetterId,
            RecipientRegistryNumber = document.Recipient,
            Event = document.Event,
            EventTime = document.EventTime,
            Json = json,
            Seal = sealer.Seal(Encoding.UTF8.GetBytes(json), (time ?? TimeProvider.System).GetUtcNow()),
            PreviousEvidenceId = previous,
        };
        db.Evidences.Add(record);
        return record;
    }

    // Outside a transaction the chain lock is not held, and two writers could link to the same end and fork the chain.
    private static void RequireTransaction(ExchangeDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "Evidence is appended only inside a letter step's transaction (LetterStep.RunAsync)."
            );
        }
    }

    private sealed record ChainLink(Guid Id, Guid? Previous, DateTimeOffset EventTime);
}
