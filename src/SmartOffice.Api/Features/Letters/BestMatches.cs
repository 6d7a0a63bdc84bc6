using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The few received letters that match a search best, shown above the list (which stays newest first). Tiers, each
/// found through an index and newest first within itself: the query is a letter's reference or our incoming number
/// exactly; every query word is a whole word of the subject (as written or by its stem); every query word starts a
/// word of the subject. Letters that match only by their text are not ranked: that would read the words of every
/// letter found, and the list shows them anyway.
/// </summary>
internal sealed class BestMatches(ExchangeDbContext db)
{
    public const int Count = 5;

    /// <summary>
    /// How many of the newest matches a subject tier first asks the index about, by letter id. A tier is a part of
    /// the matches, so when it is common its newest letters are among these and the index reads no more; when it is
    /// rare the whole tier is read from the index, and a rare tier is few rows.
    /// </summary>
    private const int Newest = 256;

    /// <param name="rows">The deliveries the list shows without the search (tab and other filters applied).</param>
    /// <param name="matches">The deliveries the list shows with the search, newest first.</param>
    public async Task<IReadOnlyList<ReceivedRow>> ReadAsync(
        IQueryable<Delivery> rows,
        IReadOnlyList<Delivery> matches,
        Guid organizationId,
        string search,
        CancellationToken cancellationToken
    )
    {
        var q = search.Trim();
        var exactly = Exactly(organizationId, q);
        var best = await rows.Where(d => exactly.Contains(d.LetterId))
            .OrderByDescending(d => d.DeliveredAt)
            .ThenByDescending(d => d.Id)
            .Take(Count)
            .Select(ReceivedLetters.Row)
            .ToListAsync(cancellationToken);
        foreach (var fit in new[] { LetterSearch.Fit.Whole, LetterSearch.Fit.Prefix })
        {
            if (best.Count == Count || LetterSearch.InSubject(db, q, fit) is not { } tier)
            {
                continue;
            }

            var taken = best.Select(r => r.Delivery.Id).ToHashSet();
            var candidates = matches.Where(d => !taken.Contains(d.Id)).ToList();
            var found = await NewestInAsync(tier, candidates, Count - best.Count, cancellationToken);
            best.AddRange(await ReceivedLetters.RowsAsync(db, found, cancellationToken));
        }

        return best;
    }

    private IQueryable<Guid> Exactly(Guid organizationId, string q) =>
        db
            .Letters.Where(l => l.Reference == q)
            .Select(l => l.Id)
            .Union(
                db.Deliveries.Where(d => d.RecipientOrganizationId == organizationId && d.IncomingNumber == q)
                    .Select(d => d.LetterId)
            );

    /// <summary>The newest <paramref name="count"/> candidates whose letter is in the tier, as delivery ids.</summary>
    private static async Task<List<Guid>> NewestInAsync(
        IQueryable<Guid> tier,
        List<Delivery> candidates,
        int count,
        CancellationToken cancellationToken
    )
    {
        var newest = candidates.Take(Newest).Select(d => d.LetterId).ToList();
        var inTier = (await tier.Where(id => newest.Contains(id)).ToListAsync(cancellationToken)).ToHashSet();
        if (inTier.Count < count && candidates.Count > Newest)
        {
            inTier.UnionWith(await tier.ToListAsync(cancellationToken));
        }

        return [.. candidates.Where(d => inTier.Contains(d.LetterId)).Take(count).Select(d => d.Id)];
    }
}
