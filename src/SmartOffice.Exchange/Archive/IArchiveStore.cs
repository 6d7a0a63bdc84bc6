namespace SmartOffice.Exchange.Archive;

/// <summary>
/// Where the exchange keeps what it must never lose: documents by SHA-256, and per-letter records
/// (report, evidences, manifest). Write-once: nothing stored is ever overwritten or deleted by the application.
/// </summary>
public interface IArchiveStore
{
    /// <summary>
    /// Stores a document under its SHA-256 (lowercase hex) durably; storing the same bytes again is a no-op.
    /// </summary>
    Task StoreDocumentAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Opens a stored document, or null when absent.</summary>
    Stream? OpenDocument(string sha256);

    /// <summary>
    /// Stores a named record of a letter (e.g. "report.json") once; a second write with other bytes throws.
    /// </summary>
    Task StoreRecordAsync(
        Guid letterId,
        string name,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Stores several records of a letter at once (made durable together), each under the rule of <see
    /// cref="StoreRecordAsync"/>.
    /// </summary>
    Task StoreRecordsAsync(
        Guid letterId,
        IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// One step of a letter: its stored documents made visible among its records under their names (document.pdf,
    /// attachment-01.pdf …; references, not copies), the records stored as <see cref="StoreRecordsAsync"/> does, then
    /// the manifest that lists them, only once they are durable: a manifest in the store is always complete.
    /// </summary>
    Task StoreLetterStepAsync(
        Guid letterId,
        IReadOnlyList<(string Name, string Sha256)> documents,
        IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records,
        (string Name, ReadOnlyMemory<byte> Content) manifest,
        CancellationToken cancellationToken
    );

    /// <summary>Reads a record of a letter, or null.</summary>
    Task<byte[]?> ReadRecordAsync(Guid letterId, string name, CancellationToken cancellationToken);
}
