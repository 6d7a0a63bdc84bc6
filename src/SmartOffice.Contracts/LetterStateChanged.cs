namespace SmartOffice.Contracts;

/// <summary>
/// Published after a recipient agency's step on a letter commits (opened, registered, assigned, answered, closed), so
/// every Api instance can tell the sender's open browsers. Version 1. Best effort: evidences and webhooks are the
/// durable record.
/// </summary>
public sealed record LetterStateChanged
{
    public int Version { get; init; } = 1;

    public Guid LetterId { get; init; }

    public Guid SenderOrganizationId { get; init; }

    public Guid RecipientOrganizationId { get; init; }

    public required string RecipientRegistryNumber { get; init; }

    public required string State { get; init; }
}
