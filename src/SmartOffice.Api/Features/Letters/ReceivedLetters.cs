using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>One received letter: the delivery as the recipient sees it and the letter's heading.</summary>
internal sealed record ReceivedRow(
    Delivery Delivery,
    string Subject,
    string? Reference,
    string SenderRegistryNumber,
    DateTimeOffset SubmittedAt
)
{
    public Guid LetterId => Delivery.LetterId;

    public DateTimeOffset DeliveredAt => Delivery.DeliveredAt!.Value;

    public DeliveryState State => Delivery.State;

    public string? IncomingNumber => Delivery.IncomingNumber;

    public DateOnly? DueDate => Delivery.DueDate;

    public Guid? AssignedToUserId => Delivery.AssignedToUserId;
}

/// <summary>
/// The letters an organization received, for the inbox page and GET /api/inbox alike: deliveries (never reported
/// ones) filtered, counted per tab in one grouped query, and paged by keyset on (DeliveredAt, Id), newest first, so
/// page 2,000 costs what page 1 costs on the index Deliveries(RecipientOrganizationId, DeliveredAt).
/// </summary>
internal sealed class ReceivedLetters(ExchangeDbContext db, ServiceClock clock)
{
    public const int PageSize = 50;

    /// <param name="Start">How many rows of this tab come before this page (0 on the first).</param>
    /// <param name="PreviousCursor">The page before's cursor (null when that is the first page).</param>
    /// <param name="BestMatches">On a search's first page, the letters that match it best (see
    /// <see cref="BestMatches"/>); empty otherwise.</param>
    public sealed record Page(
        IReadOnlyList<ReceivedRow> Rows,
        IReadOnlyDictionary<string, int> Counts,
        string? NextCursor,
        int Start = 0,
        string? PreviousCursor = null,
        IReadOnlyList<ReceivedRow>? BestMatches = null
    );

    public async Task<Page> ReadAsync(
        Guid organizationId,
        bool isAgency,
        ReceivedFilter filter,
        string? cursor,
        DateOnly today,
        CancellationToken cancellationToken,
        int pageSize = PageSize,
        Guid? me = null
    )
    {
        var filtered = Filtered(organizationId, filter);
        var inMemory = filter.Search is not null;
        if (filter.Search is { } search)
        {
            // A search reads its matches once, a few fields each, and counts, pages and ranks them in memory: the
            // search index and the rows it finds are visited once per request rather than once per query.
            // Put in the list's order here (ties by id as the database orders them), which filtering keeps.
            var matches = await MatchesAsync(organizationId, filtered, search, cancellationToken);
            matches.Sort(NewestFirst.Instance);
            filtered = matches.AsQueryable();
        }

        var weekEnd = today.AddDays(7);
        var grouped = filtered
            .GroupBy(d => new
            {
                d.State,
                Late = d.DueDate != null && d.DueDate < today,
                Soon = d.DueDate != null && d.DueDate >= today && d.DueDate < weekEnd,
                Mine = me != null && d.AssignedToUserId == me,
            })
            .Select(g => new
            {
                g.Key.State,
                g.Key.Late,
                g.Key.Soon,
                g.Key.Mine,
                Count = g.Count(),
            });
        var buckets = await LocalOrDatabase.ListAsync(grouped, cancellationToken);
        var counts = ReceivedFilter
            .TabsFor(isAgency)
            .ToDictionary(
                t => t,
                t =>
                    buckets
                        .Where(b =>
                            t switch
                            {
                                ReceivedFilter.All => true,
                                ReceivedFilter.AssignedToMe => b.Mine && b.State == DeliveryState.Assigned,
                                ReceivedFilter.DueThisWeek => b.Soon && b.State == DeliveryState.Assigned,
                                _ => TabOf(b.State, b.Late, isAgency) == t,
                            }
                        )
                        .Sum(b => b.Count),
                StringComparer.Ordinal
            );

        var tabRows = InTab(filtered, filter.Tab, today, isAgency, me);
        var rows = tabRows;
        var skip = 0;
        var start = 0;
        string? previous = null;
        if (TimeCursor.TryParse(cursor, out var at, out var seen))
        {
            // Rows at exactly the cursor's time come first in this order; the previous page showed `seen` of them.
            rows = rows.Where(d => d.DeliveredAt <= at);
            skip = seen;
            start = await LocalOrDatabase.CountAsync(tabRows.Where(d => d.DeliveredAt > at), cancellationToken) + seen;
            previous = await PreviousCursorAsync(tabRows, at, seen, start, pageSize, cancellationToken);
        }

        var page = !inMemory
            ? await rows.OrderByDescending(d => d.DeliveredAt)
                .ThenByDescending(d => d.Id)
                .Skip(skip)
                .Take(pageSize + 1)
                .Select(Row)
                .ToListAsync(cancellationToken)
            : await RowsAsync(db, [.. rows.Skip(skip).Take(pageSize + 1).Select(d => d.Id)], cancellationToken);
        var shown = page.Take(pageSize).ToList();
        string? next = null;
        if (page.Count > pageSize)
        {
            next = TimeCursor.Next([.. shown.Select(r => r.DeliveredAt)], cursor);
        }

        // Ranked matches help where the list is long; with a few matches the list itself shows them all.
        IReadOnlyList<ReceivedRow> best = [];
        if (cursor is null && filter.Search is { } query && counts.GetValueOrDefault(filter.Tab) > BestMatches.Count)
        {
            var unsearched = Filtered(organizationId, filter with { Search = null });
            best = await new BestMatches(db).ReadAsync(
                InTab(unsearched, filter.Tab, today, isAgency, me),
                [.. tabRows],
                organizationId,
                query,
                cancellationToken
            );
        }

        return new Page(shown, counts, next, start, previous, best);
    }

    /// <summary>The row of a delivery with its letter's heading.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Delivery, ReceivedRow>> Row = d => new ReceivedRow(
        d,
        d.Letter!.Subject,
        d.Letter.Reference,
        d.Letter.SenderRegistryNumber,
        d.Letter.SubmittedAt
    );

    /// <summary>
    /// What a search reads of each delivery it matches: enough to count, filter, order and page it (the recipient is
    /// the caller, so it is not read).
    /// </summary>
    private static readonly System.Linq.Expressions.Expression<Func<Delivery, Delivery>> Match = d => new Delivery
    {
        Id = d.Id,
        LetterId = d.LetterId,
        RecipientRegistryNumber = "",
        State = d.State,
        DeliveredAt = d.DeliveredAt,
        DueDate = d.DueDate,
        AssignedToUserId = d.AssignedToUserId,
    };

    /// <summary>The rows of these deliveries, in this order.</summary>
    public static async Task<List<ReceivedRow>> RowsAsync(
        ExchangeDbContext db,
        IReadOnlyList<Guid> deliveryIds,
        CancellationToken cancellationToken
    )
    {
        if (deliveryIds.Count == 0)
        {
            return [];
        }

        var rows = await db
            .Deliveries.AsNoTracking()
            .Where(d => deliveryIds.Contains(d.Id))
            .Select(Row)
            .ToDictionaryAsync(r => r.Delivery.Id, cancellationToken);
        return [.. deliveryIds.Select(id => rows[id])];
    }

    /// <summary>
    /// The cursor of the page before one that starts <paramref name="start"/> rows in, at cursor (at, seen): found by
    /// walking back at most one page from the cursor, so going back costs what going forward does.
    /// </summary>
    private static async Task<string?> PreviousCursorAsync(
        IQueryable<Delivery> rows,
        DateTimeOffset at,
        int seen,
        int start,
        int pageSize,
        CancellationToken cancellationToken
    )
    {
        if (start <= pageSize)
        {
            return null;
        }

        // The previous page starts after the row `back` places before this page's first row.
        var back = pageSize + 1;
        if (back <= seen)
        {
            return TimeCursor.Format(at, seen - back + 1);
        }

        var row = await LocalOrDatabase.FirstAsync(
            rows.Where(d => d.DeliveredAt > at)
                .OrderBy(d => d.DeliveredAt)
                .ThenBy(d => d.Id)
                .Skip(back - seen - 1)
                .Select(d => new { DeliveredAt = d.DeliveredAt!.Value, d.Id }),
            cancellationToken
        );
        var atRowTime = await LocalOrDatabase.CountAsync(
            rows.Where(d => d.DeliveredAt == row.DeliveredAt && d.Id.CompareTo(row.Id) >= 0),
            cancellationToken
        );
        return TimeCursor.Format(row.DeliveredAt, atRowTime);
    }

    /// <summary>
    /// The tab by state a delivery is in (every delivery is in exactly one; "mine" and "week" overlap them). A company
    /// does not register or assign: its letters are new until opened, then done.
    /// </summary>
    public static string TabOf(DeliveryState state, bool late, bool isAgency) =>
        !isAgency
            ? (state == DeliveryState.Delivered ? ReceivedFilter.New : ReceivedFilter.Done)
            : state switch
            {
                DeliveryState.Answered or DeliveryState.Closed or DeliveryState.Forwarded => ReceivedFilter.Done,
                DeliveryState.Assigned when late => ReceivedFilter.Overdue,
                DeliveryState.Assigned => ReceivedFilter.InProgress,
                DeliveryState.Registered => ReceivedFilter.Unassigned,
                _ => ReceivedFilter.New,
            };

    /// <summary>
    /// The deliveries the list shows by its filters other than the search (see <see cref="MatchesAsync"/>).
    /// </summary>
    private IQueryable<Delivery> Filtered(Guid organizationId, ReceivedFilter filter)
    {
        var deliveries = db
            .Deliveries.AsNoTracking()
            .Where(DeliveryRules.ReceivedBy(organizationId))
            .Where(d => d.DeliveredAt != null && !d.IsReported);
        if (filter.State is { } state)
        {
            deliveries = deliveries.Where(d => d.State == state);
        }

        if (filter.From is { } from)
        {
            var start = clock.StartOf(from);
            deliveries = deliveries.Where(d => d.DeliveredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = clock.StartOf(to.AddDays(1));
            deliveries = deliveries.Where(d => d.DeliveredAt < end);
        }

        if (filter.Executor is { } executor)
        {
            deliveries = deliveries.Where(d => d.AssignedToUserId == executor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Sender))
        {
            var sender = filter.Sender.Trim();
            var lowered = sender.ToLowerInvariant();
            var named = db.Organizations.Where(o => o.SearchName.Contains(lowered)).Select(o => o.RegistryNumber);
            deliveries = deliveries.Where(d =>
                d.Letter!.SenderRegistryNumber == sender || named.Contains(d.Letter.SenderRegistryNumber)
            );
        }

        return deliveries;
    }

    /// <summary>
    /// The deliveries of <paramref name="filtered"/> whose letter a search finds, a few fields each, in no order. The
    /// letters its words find and the others (senders, numbers) are read apart, each with its own IN: PostgreSQL then
    /// plans each from its own estimate (a common word's thousands of letters by hash, a rare one's by index),
    /// where one IN over both would be planned as if their union held a few hundred letters.
    /// </summary>
    private async Task<List<Delivery>> MatchesAsync(
        Guid organizationId,
        IQueryable<Delivery> filtered,
        string search,
        CancellationToken cancellationToken
    )
    {
        var senders = await SendersNamedAsync(search, cancellationToken);
        var keyIds = await LetterSearch.KeyIdsAsync(db, search, cancellationToken);
        var (byWords, others) = Matching(organizationId, search, senders, keyIds);
        var matches = await filtered
            .Where(d => others.Contains(d.LetterId))
            .Select(Match)
            .ToListAsync(cancellationToken);
        if (byWords is not null)
        {
            var seen = matches.Select(d => d.Id).ToHashSet();
            matches.AddRange(
                (
                    await filtered.Where(d => byWords.Contains(d.LetterId)).Select(Match).ToListAsync(cancellationToken)
                ).Where(d => !seen.Contains(d.Id))
            );
        }

        return matches;
    }

    /// <summary>
    /// The senders a search names: by name, or by a registry number it starts. Read first (a few organizations), so the
    /// search joins their letters through the index on the sender rather than planning for any sender.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> SendersNamedAsync(string search, CancellationToken cancellationToken)
    {
        var q = search.Trim();
        var lowered = q.ToLowerInvariant();
        var cyrillic = LetterSearch.Cyrillic(q);
        return await db
            .Organizations.Where(o =>
                o.SearchName.Contains(lowered) || o.SearchName.Contains(cyrillic) || o.RegistryNumber.StartsWith(q)
            )
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The letters a search finds in this organization's inbox: by their words (subject, reference, text), from one of
    /// the <paramref name="senders"/> it names, or by our incoming number.
    /// </summary>
    private LetterSearch.Matches Matching(
        Guid organizationId,
        string search,
        IReadOnlyList<Guid> senders,
        LetterSearch.KeyIds? keyIds
    )
    {
        var q = search.Trim();
        var fromSenders =
            senders.Count > 0
                ? db.Letters.Where(l => senders.Contains(l.SenderOrganizationId)).Select(l => l.Id)
                : db.Letters.Where(l => false).Select(l => l.Id);
        // Numbers hold digits: a query without one skips the pass over the agency's numbers.
        var numbered = q.Any(char.IsDigit)
            ? db
                .Deliveries.Where(d =>
                    d.RecipientOrganizationId == organizationId
                    && d.IncomingNumber != null
                    && d.IncomingNumber.Contains(q)
                )
                .Select(d => d.LetterId)
            : db.Deliveries.Where(d => false).Select(d => d.LetterId);
        return LetterSearch.Matching(db, q, fromSenders.Concat(numbered), keyIds);
    }

    private static IQueryable<Delivery> InTab(
        IQueryable<Delivery> deliveries,
        string tab,
        DateOnly today,
        bool isAgency,
        Guid? me
    ) =>
        tab == ReceivedFilter.All ? deliveries
        : !isAgency
            ? (
                tab == ReceivedFilter.Done
                    ? deliveries.Where(d => d.State != DeliveryState.Delivered)
                    : deliveries.Where(d => d.State == DeliveryState.Delivered)
            )
        : tab switch
        {
            ReceivedFilter.Done => deliveries.Where(d =>
                d.State == DeliveryState.Answered
                || d.State == DeliveryState.Closed
                || d.State == DeliveryState.Forwarded
            ),
            ReceivedFilter.Overdue => deliveries.Where(d =>
                d.State == DeliveryState.Assigned && d.DueDate != null && d.DueDate < today
            ),
            ReceivedFilter.InProgress => deliveries.Where(d =>
                d.State == DeliveryState.Assigned && (d.DueDate == null || d.DueDate >= today)
            ),
            ReceivedFilter.Unassigned => deliveries.Where(d => d.State == DeliveryState.Registered),
            ReceivedFilter.AssignedToMe => deliveries.Where(d =>
                d.State == DeliveryState.Assigned && me != null && d.AssignedToUserId == me
            ),
            ReceivedFilter.DueThisWeek => deliveries.Where(d =>
                d.State == DeliveryState.Assigned && d.DueDate >= today && d.DueDate < today.AddDays(7)
            ),
            _ => deliveries.Where(d => d.State == DeliveryState.Delivered || d.State == DeliveryState.Opened),
        };
}
