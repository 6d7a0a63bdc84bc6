using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Which sent letters to list: a search (subject, reference, recipient), one delivery state, days in the service's time
/// zone.
/// </summary>
internal sealed record SentFilter(
    string? Search,
    DeliveryState? State = null,
    DateOnly? From = null,
    DateOnly? To = null
);

/// <summary>
/// The letters an organization sent, for the sent-letters page and GET /api/outbox alike: newest first, a page at a
/// time by keyset (see <see cref="TimeCursor"/>), so the hundredth page costs what the first does and letters sent at
/// the same instant are neither lost nor repeated. Only the sender's own letters, ever; each with its deliveries.
/// </summary>
internal sealed class SentLetters(ExchangeDbContext db, ServiceClock clock)
{
    public sealed record Page(IReadOnlyList<Letter> Letters, string? NextCursor);

    public async Task<Page> ReadAsync(
        Guid senderOrganizationId,
        SentFilter filter,
        string? cursor,
        int pageSize,
        CancellationToken cancellationToken
    )
    {
        var letters = db.Letters.AsNoTracking().Where(l => l.SenderOrganizationId == senderOrganizationId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var keyIds = await LetterSearch.KeyIdsAsync(db, filter.Search, cancellationToken);
            var (byWords, others) = Matching(senderOrganizationId, filter.Search, keyIds);
            letters = byWords is null
                ? letters.Where(l => others.Contains(l.Id))
                : letters.Where(l => byWords.Contains(l.Id) || others.Contains(l.Id));
        }

        if (filter.State is { } state)
        {
            letters = letters.Where(l => l.Deliveries.Any(d => d.State == state));
        }

        if (filter.From is { } from)
        {
            var start = clock.StartOf(from);
            letters = letters.Where(l => l.SubmittedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = clock.StartOf(to.AddDays(1));
            letters = letters.Where(l => l.SubmittedAt < end);
        }

        var skip = 0;
        if (TimeCursor.TryParse(cursor, out var at, out var seen))
        {
            // Letters at exactly the cursor's time come first in this order; the previous page showed `seen` of them.
            letters = letters.Where(l => l.SubmittedAt <= at);
            skip = seen;
        }

        var rows = await letters
            .OrderByDescending(l => l.SubmittedAt)
            .ThenByDescending(l => l.Id)
            .Skip(skip)
            .Take(pageSize + 1)
            .Include(l => l.Deliveries)
            .ToListAsync(cancellationToken);
        var shown = rows.Take(pageSize).ToList();
        return new Page(
            shown,
            rows.Count > pageSize ? TimeCursor.Next([.. shown.Select(l => l.SubmittedAt)], cursor) : null
        );
    }

    /// <summary>
    /// The letters a search finds among those this organization sent: by their words (subject, reference, text), or
    /// by a recipient whose name has the query or whose registry number starts with it.
    /// </summary>
    private LetterSearch.Matches Matching(Guid senderOrganizationId, string search, LetterSearch.KeyIds? keyIds)
    {
        var text = search.Trim();
        var lowered = text.ToLowerInvariant();
        var cyrillic = LetterSearch.Cyrillic(text);
        // Registry numbers are digits: only then is a prefix match meaningful (and LIKE safe from wildcards).
        var numberPrefix = text.All(char.IsAsciiDigit) ? text + "%" : null;
        var recipients = db
            .Organizations.Where(o =>
                o.SearchName.Contains(lowered)
                || o.SearchName.Contains(cyrillic)
                || (numberPrefix != null && EF.Functions.Like(o.RegistryNumber, numberPrefix))
            )
            .Select(o => o.Id);
        // The listing keeps only this sender's letters of these.
        var toRecipients = db
            .Deliveries.Where(d => recipients.Contains(d.RecipientOrganizationId))
            .Select(d => d.LetterId);
        return LetterSearch.Matching(db, text, toRecipients, keyIds);
    }

    public Task<Letter?> ReadOneAsync(Guid senderOrganizationId, Guid letterId, CancellationToken cancellationToken) =>
        db
            .Letters.AsNoTracking()
            .Include(l => l.Deliveries)
            .FirstOrDefaultAsync(
                l => l.Id == letterId && l.SenderOrganizationId == senderOrganizationId,
                cancellationToken
            );
}
