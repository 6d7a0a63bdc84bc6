namespace SmartOffice.Api.Infrastructure;

/// <summary>CRLs fetched from the CAs' addresses (keys Signing:CrlUrls and Signing:CrlRefreshSeconds).</summary>
internal sealed record CrlRefreshOptions
{
    public const string SectionName = "Signing";

    public IReadOnlyList<string> CrlUrls { get; init; } = [];

    public int CrlRefreshSeconds { get; init; } = 3600;
}
