using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Notifications;

/// <summary>
/// Queues a webhook event in the caller's DbContext, so it commits (or not) with the change it reports.
/// </summary>
public static class WebhookEvents
{
    public const string Delivered = "delivered";
    public const string NotDelivered = "non-delivered";
    public const string Received = "received";
    public const string Opened = "opened";
    public const string Forwarded = "forwarded";

    public static async Task RaiseAsync(
        ExchangeDbContext db,
        Guid organizationId,
        string eventName,
        object payload,
        DateTimeOffset occurredAt,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        if (
            !await db
                .WebhookSubscriptions.AnyAsync(s => s.OrganizationId == organizationId, cancellationToken)
                .ConfigureAwait(false)
        )
        {
            return;
        }

        Raise(db, organizationId, eventName, payload, occurredAt);
    }

    /// <summary>Queues the event for an organization the caller already knows has a webhook.</summary>
    public static void Raise(
        ExchangeDbContext db,
        Guid organizationId,
        string eventName,
        object payload,
        DateTimeOffset occurredAt
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        db.WebhookDeliveries.Add(
            new WebhookDelivery
            {
                OrganizationId = organizationId,
                Event = eventName,
                CreatedAt = occurredAt,
                NextAttemptAt = occurredAt,
                Payload = JsonSerializer.Serialize(
                    new
                    {
                        @event = eventName,
                        occurredAt,
                        data = payload,
                    },
                    ExchangeJson.Options
                ),
            }
        );
    }
}
