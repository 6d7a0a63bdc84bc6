namespace SmartOffice.Exchange.Letters;

/// <summary>A note inside the recipient agency about one delivery (never shown to the sender).</summary>
public sealed class LetterComment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DeliveryId { get; set; }

    public Guid AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
