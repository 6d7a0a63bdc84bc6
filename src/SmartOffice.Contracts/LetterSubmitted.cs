namespace SmartOffice.Contracts;

/// <summary>
/// Published (through the outbox) when a letter is accepted. Version 1 of the contract: add fields, never
/// rename or remove them; consumers ignore what they do not know.
/// </summary>
public sealed record LetterSubmitted
{
    public int Version { get; init; } = 1;

    public Guid LetterId { get; init; }

    public required string SenderRegistryNumber { get; init; }

    public required IReadOnlyList<string> RecipientRegistryNumbers { get; init; }

    public required string DocumentSha256 { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public string? CorrelationId { get; init; }
}
