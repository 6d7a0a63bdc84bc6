namespace SmartOffice.Exchange.Configuration;

/// <summary>
/// Where letters, evidence records and packages are kept (section "Archive"), shared by the Api and the Worker.
/// </summary>
public sealed record ArchiveOptions
{
    public const string SectionName = "Archive";

    public string Path { get; init; } = System.IO.Path.Combine("data", "archive");

    /// <summary>
    /// "FileSystem" (one file-system sync per batch of records, the default) or "File" (an fsync per record).
    /// </summary>
    public string? Sync { get; init; }

    public int RetentionYears { get; init; } = 10;

    /// <summary>Below this much free space readiness reports the archive Unhealthy.</summary>
    public long MinFreeMegabytes { get; init; } = 1024;
}
