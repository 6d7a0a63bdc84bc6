using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

using SmartOffice.Api.Pages.Shared;

namespace SmartOffice.Api.Pages.Inbox;

/// <summary>One row of the inbox.</summary>
internal sealed record InboxRow(Guid LetterId, string Subject, string? Reference, string SenderRegistryNumber, DateTimeOffset DeliveredAt,
    DeliveryState State, string? IncomingNumber, DateOnly? DueDate, Guid? AssignedToUserId);

/// <summary>
/// The recipient organization's inbox: deliveries (never reported ones) filtered, counted per tab in one grouped
/// query, and paged by keyset on (DeliveredAt, Id) — newest first — so page 2,000 costs what page 1 costs on the
/// index Deliveries(RecipientOrganizationId, DeliveredAt).
/// </summary>
internal sealed class InboxQuery(ExchangeDbContext db, ServiceClock clock)
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<InboxRow> Rows, IReadOnlyDictionary<string, int> Counts, string? NextCursor);

    public async Task<Page> ReadAsync(Guid organizationId, bool isAgency, InboxFilter filter, string? cursor, DateOnly today, CancellationToken cancellationToken)
    {
        var filtered = Filtered(organizationId, filter);
        var buckets = await filtered.GroupBy(d => new { d.State, Late = d.DueDate != null && d.DueDate < today }).Select(g => new { g.Key.State, g.Key.Late, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = InboxFilter.TabsFor(isAgency).ToDictionary(t => t, t => buckets.Where(b => TabOf(b.State, b.Late, isAgency) == t).Sum(b => b.Count), StringComparer.Ordinal);

        var rows = InTab(filtered, filter.Tab, today, isAgency);
        var skip = 0;
        if (TimeCursor.TryParse(cursor, out var at, out var seen))
        {
            // Rows at exactly the cursor's time come first in this order; the previous page showed `seen` of them.
            rows = rows.Where(d => d.DeliveredAt <= at);
            skip = seen;
        }

        var page = await rows.OrderByDescending(d => d.DeliveredAt).ThenByDescending(d => d.Id).Skip(skip).Take(PageSize + 1)
            .Select(d => new InboxRow(d.LetterId, d.Letter!.Subject, d.Letter.Reference, d.Letter.SenderRegistryNumber, d.DeliveredAt!.Value, d.State, d.IncomingNumber, d.DueDate, d.AssignedToUserId))
            .ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        string? next = null;
        if (page.Count > PageSize)
        {
            next = TimeCursor.Next([.. shown.Select(r => r.DeliveredAt)], cursor);
        }

        return new Page(shown, counts, next);
    }

    /// <summary>A company does not register or assign: its letters are new until opened, then done.</summary>
    public static string TabOf(DeliveryState state, bool late, bool isAgency) => !isAgency
        ? (state == DeliveryState.Delivered ? InboxFilter.New : InboxFilter.Done)
        : state switch
    {
        DeliveryState.Answered or DeliveryState.Closed => InboxFilter.Done,
        DeliveryState.Assigned when late => InboxFilter.Overdue,
        DeliveryState.Registered or DeliveryState.Assigned => InboxFilter.InProgress,
        _ => InboxFilter.New,
    };

    private IQueryable<Delivery> Filtered(Guid organizationId, InboxFilter filter)
    {
        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.RecipientOrganizationId == organizationId && d.DeliveredAt != null
            && d.State != DeliveryState.Queued && d.State != DeliveryState.NotDelivered && !d.IsReported);
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
            deliveries = deliveries.Where(d => d.Letter!.SenderRegistryNumber == sender || named.Contains(d.Letter.SenderRegistryNumber));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Subject, sender (name or number), the sender's outgoing number, our incoming number.
            var q = filter.Search.Trim();
            var lowered = q.ToLowerInvariant();
            var named = db.Organizations.Where(o => o.SearchName.Contains(lowered)).Select(o => o.RegistryNumber);
            deliveries = deliveries.Where(d => d.Letter!.SubjectSearch.Contains(lowered) || d.Letter.SenderRegistryNumber.StartsWith(q) || named.Contains(d.Letter.SenderRegistryNumber)
                || (d.Letter.Reference != null && d.Letter.Reference.Contains(q)) || (d.IncomingNumber != null && d.IncomingNumber.Contains(q)));
        }

        return deliveries;
    }

    private static IQueryable<Delivery> InTab(IQueryable<Delivery> deliveries, string tab, DateOnly today, bool isAgency) => !isAgency
        ? (tab == InboxFilter.Done ? deliveries.Where(d => d.State != DeliveryState.Delivered) : deliveries.Where(d => d.State == DeliveryState.Delivered))
        : tab switch
    {
        InboxFilter.Done => deliveries.Where(d => d.State == DeliveryState.Answered || d.State == DeliveryState.Closed),
        InboxFilter.Overdue => deliveries.Where(d => d.State == DeliveryState.Assigned && d.DueDate != null && d.DueDate < today),
        InboxFilter.InProgress => deliveries.Where(d => d.State == DeliveryState.Registered || (d.State == DeliveryState.Assigned && (d.DueDate == null || d.DueDate >= today))),
        _ => deliveries.Where(d => d.State == DeliveryState.Delivered || d.State == DeliveryState.Opened),
    };
}
