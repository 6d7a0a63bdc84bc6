namespace SmartOffice.Exchange.Outbox;

/// <summary>
/// A message committed in the same transaction as the change it announces; published later by the outbox
/// publisher, marked sent only after the broker confirms. Claimed rows carry a lease so several Api
/// instances never publish the same row at once (and a crashed one's rows are taken over when it expires).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The row that announces <paramref name="message"/>: its contract's name and its JSON.</summary>
    public static OutboxMessage For(SmartOffice.Contracts.LetterSubmitted message, DateTimeOffset createdAt) =>
        new()
        {
            MessageType = typeof(SmartOffice.Contracts.LetterSubmitted).FullName!,
            Payload = System.Text.Json.JsonSerializer.Serialize(message, ExchangeJson.Options),
            CreatedAt = createdAt,
            CorrelationId = message.CorrelationId,
        };

    public long Id { get; set; }

    /// <summary>Full name of the message contract type.</summary>
    public required string MessageType { get; set; }

    public required string Payload { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public string? CorrelationId { get; set; }
}
