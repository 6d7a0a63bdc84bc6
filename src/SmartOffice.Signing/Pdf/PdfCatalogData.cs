namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Machine-readable data a PDF carries in a stream its document catalog names under a private key (e.g. the facts of
/// a delivery receipt): inside the signed bytes, but neither an embedded file nor anything a reader runs, so a
/// validator that refuses active content still accepts the file.
/// </summary>
public static class PdfCatalogData
{
    /// <summary>
    /// The decoded stream the newest catalog names under <paramref name="key"/> (a name without the slash), or null
    /// when there is none or the file is not a readable PDF. Never throws on hostile input.
    /// </summary>
    public static byte[]? Read(ReadOnlyMemory<byte> pdf, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var scan = PdfScanner.Scan(
            pdf,
            new PdfScanLimits { Deadline = deadline.Token, MaxInflatedBytes = 16L * 1024 * 1024 },
            key
        );
        return scan.ErrorCode is null ? scan.CatalogStream : null;
    }
}
