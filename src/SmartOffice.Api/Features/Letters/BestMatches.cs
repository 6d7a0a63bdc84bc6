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

    /// <param name="rows">The deliveries the list shows without the search (tab and other filters applied).</param>
    public async Task<IReadOnlyList<ReceivedRow>> ReadAsync(
        IQueryable<Delivery> rows,
        Guid organizationId,
        string search,
        CancellationToken cancellationToken
    )
    {
        var q = search.Trim();
        var best = new List<ReceivedRow>();
        foreach (var tier in Tiers(organizationId, q))
        {
            var taken = best.Select(r => r.Delivery.Id).ToList();
            best.AddRange(
                await rows.Where(d => tier.Contains(d.LetterId) && !taken.Contains(d.Id))
                    .OrderByDescending(d => d.DeliveredAt)
                    .ThenByDescending(d => d.Id)
                    .Take(Count - best.Count)
                    .Select(ReceivedLetters.Row)
                    .ToListAsync(cancellationToken)
            );
            if (best.Count == Count)
            {
                break;
            }
        }

        return best;
    }

    private IEnumerable<IQueryable<Guid>> Tiers(Guid organizationId, string q)
    {
        yield return db
            .Letters.Where(l => l.Reference == q)
            .Select(l => l.Id)
            .Union(
                db.Deliveries.Where(d => d.RecipientOrganizationId == organizationId && d.IncomingNumber == q)
                    .Select(d => d.LetterId)
            );
        foreach (var fit in new[] { LetterSearch.Fit.Whole, LetterSearch.Fit.Prefix })
        {
            if (LetterSearch.InSubject(db, q, fit) is { } subject)
            {
                yield return subject;
            }
        }
    }
}
