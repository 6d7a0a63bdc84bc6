namespace SmartOffice.Exchange.Configuration;

/// <summary>
/// Where the embedded default keeps its files: the SQLite database, keys, the demo PKI (section "Data").
/// </summary>
public sealed record DataOptions
{
    public const string SectionName = "Data";

    public string Path { get; init; } = "data";
}
