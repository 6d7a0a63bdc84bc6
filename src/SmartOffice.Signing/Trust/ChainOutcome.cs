using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Trust;

/// <summary>A built chain (leaf first, anchor last), or why none could be built.</summary>
public sealed record ChainOutcome
{
    public bool IsTrusted => Code is null;

    /// <summary>certificate_untrusted, certificate_usage or weak_algorithm when no acceptable chain exists.</summary>
    public string? Code { get; init; }

    public string Detail { get; init; } = "";

    public IReadOnlyList<X509Certificate2> Elements { get; init; } = [];
}
