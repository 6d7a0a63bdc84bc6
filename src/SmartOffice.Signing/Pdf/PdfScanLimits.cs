namespace SmartOffice.Signing.Pdf;

/// <summary>Bounds that keep hostile files from costing more than a letter should.</summary>
internal sealed record PdfScanLimits
{
    public int MaxNestingDepth { get; init; } = 64;

    public int MaxObjects { get; init; } = 200_000;

    /// <summary>Total bytes the scanner may inflate (object streams, DSS streams) for one file.</summary>
    public long MaxInflatedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Checked while scanning; when cancelled the scan ends with pdf_malformed.</summary>
    public CancellationToken Deadline { get; init; }
}
