using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Webhooks;

public sealed record WebhookRequest(string? Url, string? Secret);

public sealed record WebhookAttempt(
    long Id,
    string Event,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset NextAttemptAt
);

public sealed record WebhookSettings(
    string? Url,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<WebhookAttempt> RecentDeliveries
);

/// <summary>
/// The organization's webhook: its URL and secret, shown (never the secret) with the recent deliveries and their
/// attempts. A company's account or an agency admin manages its own organization's.
/// </summary>
internal sealed class WebhookSettingsService(ExchangeDbContext db, IOptions<WebhookOptions> options, TimeProvider time)
{
    private static bool MayManage(Caller caller) =>
        (caller.StaffUserId is null && caller.Kind == Exchange.Organizations.OrganizationKind.Company)
        || caller.HasRole(StaffRoles.Admin);

    public async Task<Outcome<WebhookSettings>> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!MayManage(caller))
        {
            return Refusal.Forbidden("Only the organization's account or an agency admin manages webhooks.");
        }

        var subscription = await db
            .WebhookSubscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.OrganizationId == caller.OrganizationId, cancellationToken);
        var recent = await db
            .WebhookDeliveries.AsNoTracking()
            .Where(d => d.OrganizationId == caller.OrganizationId)
            .OrderByDescending(d => d.Id)
            .Take(100)
            .Select(d => new WebhookAttempt(
                d.Id,
                d.Event,
                d.CreatedAt,
                d.Attempts,
                d.DeliveredAt,
                d.LastStatus,
                d.LastError,
                d.NextAttemptAt
            ))
            .ToListAsync(cancellationToken);
        return new WebhookSettings(subscription?.Url, subscription?.UpdatedAt, recent);
    }

    public async Task<Refusal?> SaveAsync(Caller caller, WebhookRequest request, CancellationToken cancellationToken)
    {
        if (!MayManage(caller))
        {
            return Refusal.Forbidden("Only the organization's account or an agency admin manages webhooks.");
        }

        if (
            !Uri.TryCreate(request.Url, UriKind.Absolute, out var url)
            || url.Scheme is not ("https" or "http")
            || request.Secret is not { Length: >= 16 and <= 200 }
        )
        {
            return Refusal
                .Invalid("url must be an absolute http(s) URL and secret 16 to 200 characters.")
                .Says("refusal.webhook.form");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return Refusal
                .Invalid("url must not carry a user name or password; the secret signs every call instead.")
                .Says("refusal.webhook.userInfo");
        }

        // Names are checked again on every call, on the address connected to (WebhookAddresses); this answers early for
        // the obvious ones.
        if (WebhookAddresses.PointsInward(url) && !options.Value.AllowPrivateAddresses)
        {
            return Refusal
                .Invalid(
                    $"url points to a loopback, private or link-local address; webhooks go to public addresses "
                        + $"unless {WebhookAddresses.AllowPrivateSetting} is set."
                )
                .Says("refusal.webhook.private");
        }

        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(
            s => s.OrganizationId == caller.OrganizationId,
            cancellationToken
        );
        if (subscription is null)
        {
            db.WebhookSubscriptions.Add(
                new WebhookSubscription
                {
                    OrganizationId = caller.OrganizationId,
                    Url = url.ToString(),
                    UpdatedAt = time.GetUtcNow(),
                    Secret = request.Secret,
                }
            );
        }
        else
        {
            (subscription.Url, subscription.Secret, subscription.UpdatedAt) = (
                url.ToString(),
                request.Secret,
                time.GetUtcNow()
            );
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
