namespace SmartOffice.Exchange.Notifications;

/// <summary>
/// One event to send to one organization's webhook, with its attempts: the outbox of webhooks and their log.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>delivered, non-delivered, received, opened (later: registered, answered).</summary>
    public required string Event { get; set; }

    public required string Payload { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public required DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
