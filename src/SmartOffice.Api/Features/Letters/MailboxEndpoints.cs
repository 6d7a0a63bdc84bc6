using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Features.Organizations;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>GET /api/inbox (letters delivered to the caller) and GET /api/outbox (letters the caller sent): paged, filterable.</summary>
internal static class MailboxEndpoints
{
    public static IEndpointRouteBuilder MapMailboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api").WithTags("Letters").RequireAuthorization();
        group.MapGet("inbox", InboxAsync);
        group.MapGet("outbox", OutboxAsync);
        return routes;
    }

    private static async Task<Results<Ok<PagedList<MailboxItem>>, ProblemHttpResult>> InboxAsync(
        HttpContext context, ExchangeDbContext db, string? status, DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var caller = Caller.From(context.User)!;
        if (!TryParseState(status, out var state))
        {
            return Problems.Validation($"status must be one of {string.Join(", ", Enum.GetNames<DeliveryState>())}");
        }

        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.RecipientOrganizationId == caller.OrganizationId
            && d.State != DeliveryState.Queued && d.State != DeliveryState.NotDelivered && !d.IsReported);
        if (state is not null) { deliveries = deliveries.Where(d => d.State == state); }
        if (from is not null) { deliveries = deliveries.Where(d => d.Letter!.SubmittedAt >= from); }
        if (to is not null) { deliveries = deliveries.Where(d => d.Letter!.SubmittedAt < to); }

        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var total = await deliveries.CountAsync(cancellationToken);
        var rows = await deliveries.OrderByDescending(d => d.Letter!.SubmittedAt).ThenByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new { Delivery = d, d.Letter!.Subject, d.Letter.Reference, d.Letter.SenderRegistryNumber, d.Letter.SubmittedAt }).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, rows.Select(r => r.SenderRegistryNumber), cancellationToken);
        var items = rows.Select(r => new MailboxItem(r.Delivery.LetterId, r.Subject, r.Reference, r.SenderRegistryNumber, names.GetValueOrDefault(r.SenderRegistryNumber), r.SubmittedAt,
            [LetterAccess.ToStatus(r.Delivery, null)])).ToList();
        return TypedResults.Ok(new PagedList<MailboxItem>(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<PagedList<MailboxItem>>, ProblemHttpResult>> OutboxAsync(
        HttpContext context, ExchangeDbContext db, string? status, DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var caller = Caller.From(context.User)!;
        if (!TryParseState(status, out var state))
        {
            return Problems.Validation($"status must be one of {string.Join(", ", Enum.GetNames<DeliveryState>())}");
        }

        var letters = db.Letters.AsNoTracking().Where(l => l.SenderOrganizationId == caller.OrganizationId);
        if (state is not null) { letters = letters.Where(l => l.Deliveries.Any(d => d.State == state)); }
        if (from is not null) { letters = letters.Where(l => l.SubmittedAt >= from); }
        if (to is not null) { letters = letters.Where(l => l.SubmittedAt < to); }

        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var total = await letters.CountAsync(cancellationToken);
        var rows = await letters.OrderByDescending(l => l.SubmittedAt).ThenByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize).Include(l => l.Deliveries).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, rows.SelectMany(l => l.Deliveries.Select(d => d.RecipientRegistryNumber)), cancellationToken);
        var items = rows.Select(l => new MailboxItem(l.Id, l.Subject, l.Reference, l.SenderRegistryNumber, null, l.SubmittedAt,
            [.. l.Deliveries.OrderBy(d => d.RecipientRegistryNumber).Select(d => LetterAccess.ToStatus(d, names.GetValueOrDefault(d.RecipientRegistryNumber)))])).ToList();
        return TypedResults.Ok(new PagedList<MailboxItem>(items, page, pageSize, total));
    }

    private static bool TryParseState(string? status, out DeliveryState? state)
    {
        state = null;
        if (string.IsNullOrEmpty(status))
        {
            return true;
        }

        var ok = Enum.TryParse<DeliveryState>(status, ignoreCase: true, out var parsed);
        state = ok ? parsed : null;
        return ok;
    }

    private static async Task<Dictionary<string, string>> NamesAsync(ExchangeDbContext db, IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var distinct = numbers.Distinct().ToList();
        return await db.Organizations.Where(o => distinct.Contains(o.RegistryNumber)).ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
    }
}
