using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// A page of letters and the cursor of the next one (null on the last page); received letters also count their tabs.
/// </summary>
public sealed record LetterList(
    IReadOnlyList<MailboxItem> Items,
    string? NextCursor,
    IReadOnlyDictionary<string, int>? Counts = null
);

/// <summary>
/// GET /api/inbox (letters the caller's organization received) and GET /api/outbox (letters it sent), read with the
/// same queries, filters, time zone and keyset paging as the workspace's pages: <c>after</c> takes the previous
/// page's <c>nextCursor</c>.
/// </summary>
internal static class MailboxEndpoints
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapMailboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api").WithTags("Letters").RequireAuthorization();
        group.MapGet("inbox", InboxAsync);
        group.MapGet("outbox", OutboxAsync);
        return routes;
    }

    private static async Task<Results<Ok<LetterList>, ProblemHttpResult>> InboxAsync(
        HttpContext context,
        ExchangeDbContext db,
        ReceivedLetters received,
        ServiceClock clock,
        string? status,
        string? tab,
        string? q,
        string? sender,
        DateOnly? from,
        DateOnly? to,
        Guid? executor,
        string? after,
        int pageSize = ReceivedLetters.PageSize,
        CancellationToken cancellationToken = default
    )
    {
        var caller = Caller.From(context.User)!;
        var isAgency = caller.IsAgency;
        if (!TryParseState(status, out var state))
        {
            return StateProblem();
        }

        if (tab is not null && !ReceivedFilter.TabsFor(isAgency).Contains(tab, StringComparer.Ordinal))
        {
            return Problems.Validation($"tab must be one of {string.Join(", ", ReceivedFilter.TabsFor(isAgency))}");
        }

        var filter = new ReceivedFilter(tab ?? ReceivedFilter.All, q?.Trim(), sender?.Trim(), from, to, executor, false)
        {
            State = state,
        };
        var page = await received.ReadAsync(
            caller.OrganizationId,
            isAgency,
            filter,
            after,
            clock.Today,
            cancellationToken,
            Math.Clamp(pageSize, 1, MaxPageSize),
            caller.StaffUserId
        );
        var names = await NamesAsync(db, page.Rows.Select(r => r.SenderRegistryNumber), cancellationToken);
        var items = page
            .Rows.Select(r => new MailboxItem(
                r.LetterId,
                r.Subject,
                r.Reference,
                r.SenderRegistryNumber,
                names.GetValueOrDefault(r.SenderRegistryNumber),
                r.SubmittedAt,
                [LetterAccess.ToStatus(r.Delivery, null)]
            ))
            .ToList();
        return TypedResults.Ok(new LetterList(items, page.NextCursor, page.Counts));
    }

    private static async Task<Results<Ok<LetterList>, ProblemHttpResult>> OutboxAsync(
        HttpContext context,
        ExchangeDbContext db,
        SentLetters sent,
        string? status,
        string? q,
        DateOnly? from,
        DateOnly? to,
        string? after,
        int pageSize = ReceivedLetters.PageSize,
        CancellationToken cancellationToken = default
    )
    {
        var caller = Caller.From(context.User)!;
        if (!TryParseState(status, out var state))
        {
            return StateProblem();
        }

        var page = await sent.ReadAsync(
            caller.OrganizationId,
            new SentFilter(q, state, from, to),
            after,
            Math.Clamp(pageSize, 1, MaxPageSize),
            cancellationToken
        );
        var names = await NamesAsync(
            db,
            page.Letters.SelectMany(l => l.Deliveries.Select(d => d.RecipientRegistryNumber)),
            cancellationToken
        );
        var items = page
            .Letters.Select(l => new MailboxItem(
                l.Id,
                l.Subject,
                l.Reference,
                l.SenderRegistryNumber,
                null,
                l.SubmittedAt,
                [
                    .. l
                        .Deliveries.OrderBy(d => d.RecipientRegistryNumber, StringComparer.Ordinal)
                        .Select(d => LetterAccess.ToStatus(d, names.GetValueOrDefault(d.RecipientRegistryNumber))),
                ]
            ))
            .ToList();
        return TypedResults.Ok(new LetterList(items, page.NextCursor));
    }

    private static ProblemHttpResult StateProblem() =>
        Problems.Validation($"status must be one of {string.Join(", ", Enum.GetNames<DeliveryState>())}");

    private static bool TryParseState(string? status, out DeliveryState? state)
    {
        state = null;
        if (string.IsNullOrEmpty(status))
        {
            return true;
        }

        var ok = Enum.TryParse<DeliveryState>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed);
        state = ok ? parsed : null;
        return ok;
    }

    private static async Task<Dictionary<string, string>> NamesAsync(
        ExchangeDbContext db,
        IEnumerable<string> numbers,
        CancellationToken cancellationToken
    )
    {
        var distinct = numbers.Distinct().ToList();
        return await db
            .Organizations.Where(o => distinct.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
    }
}
