namespace SmartOffice.Exchange.Notifications;

/// <summary>
/// Where an organization wants its events: one URL and the secret that signs each call (HMAC-SHA256).
/// </summary>
public sealed class WebhookSubscription
{
    public Guid OrganizationId { get; set; }

    public required string Url { get; set; }

    public required string Secret { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }
}
