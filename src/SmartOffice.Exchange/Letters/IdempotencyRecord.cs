namespace SmartOffice.Exchange.Letters;

/// <summary>
/// The first answer to a submission with an Idempotency-Key, replayed for retries of the same key by the same account.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid AccountId { get; set; }

    public required string Key { get; set; }

    public Guid LetterId { get; set; }

    public required string ResponseJson { get; set; }

    /// <summary>
    /// SHA-256 of the request the key first came with (document, recipients, subject, reference, reply-to); the same
    /// key with another request is refused. Empty for records made before fingerprints were kept.
    /// </summary>
    public string Fingerprint { get; set; } = "";

    public required DateTimeOffset CreatedAt { get; set; }
}
