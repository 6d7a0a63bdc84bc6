using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Webhooks;

public sealed record WebhookRequest(string? Url, string? Secret);

public sealed record WebhookAttempt(long Id, string Event, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, int? LastStatus, string? LastError, DateTimeOffset NextAttemptAt);

public sealed record WebhookSettings(string? Url, DateTimeOffset? UpdatedAt, IReadOnlyList<WebhookAttempt> RecentDeliveries);

/// <summary>
/// PUT /api/webhook sets the organization's URL and secret; GET /api/webhook shows it (never the secret) with the
/// recent deliveries and their attempts. A company's account or an agency admin manages its own organization's.
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/webhook").WithTags("Notifications").RequireAuthorization();
        group.MapGet("", GetAsync);
        group.MapPut("", PutAsync);
        return routes;
    }

    private static bool MayManage(Caller caller) =>
        (caller.StaffUserId is null && caller.Kind == nameof(Exchange.Organizations.OrganizationKind.Company)) || caller.HasRole(StaffRoles.Admin);

    internal static async Task<Results<Ok<WebhookSettings>, ProblemHttpResult>> GetAsync(HttpContext context, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User)!;
        if (!MayManage(caller))
        {
            return Problems.Forbidden("Only the organization's account or an agency admin manages webhooks.");
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.OrganizationId == caller.OrganizationId, cancellationToken);
        var recent = await db.WebhookDeliveries.AsNoTracking().Where(d => d.OrganizationId == caller.OrganizationId).OrderByDescending(d => d.Id).Take(100)
            .Select(d => new WebhookAttempt(d.Id, d.Event, d.CreatedAt, d.Attempts, d.DeliveredAt, d.LastStatus, d.LastError, d.NextAttemptAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new WebhookSettings(subscription?.Url, subscription?.UpdatedAt, recent));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> PutAsync(WebhookRequest request, HttpContext context, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User)!;
        if (!MayManage(caller))
        {
            return Problems.Forbidden("Only the organization's account or an agency admin manages webhooks.");
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || request.Secret is not { Length: >= 16 and <= 200 })
        {
            return Problems.Validation("url must be an absolute http(s) URL and secret 16 to 200 characters.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return Problems.Validation("url must not carry a user name or password; the secret signs every call instead.");
        }

        // Names are checked again on every call, on the address connected to (WebhookAddresses); this answers early for the obvious ones.
        if (WebhookAddresses.PointsInward(url) && !context.RequestServices.GetRequiredService<IConfiguration>().GetValue(WebhookAddresses.AllowPrivateSetting, false))
        {
            return Problems.Validation($"url points to a loopback, private or link-local address; webhooks go to public addresses unless {WebhookAddresses.AllowPrivateSetting} is set.");
        }

        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.OrganizationId == caller.OrganizationId, cancellationToken);
        if (subscription is null)
        {
            db.WebhookSubscriptions.Add(new WebhookSubscription { OrganizationId = caller.OrganizationId, Url = url.ToString(), Secret = request.Secret });
        }
        else
        {
            (subscription.Url, subscription.Secret, subscription.UpdatedAt) = (url.ToString(), request.Secret, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
