namespace SmartOffice.Contracts;

/// <summary>
/// Published after a delivery (or non-delivery) commits, for live updates in open browser sessions. Version 1.
/// Best effort: webhooks and evidences are the durable record.
/// </summary>
public sealed record LetterDelivered
{
    public int Version { get; init; } = 1;

    public Guid LetterId { get; init; }

    public Guid SenderOrganizationId { get; init; }

    public Guid RecipientOrganizationId { get; init; }

    public required string RecipientRegistryNumber { get; init; }

    public required string State { get; init; }

    public required string Subject { get; init; }
}
