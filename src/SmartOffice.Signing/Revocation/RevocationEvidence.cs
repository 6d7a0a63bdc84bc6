namespace SmartOffice.Signing.Revocation;

/// <summary>Revocation data carried by the letter itself (PDF DSS, CMS revocationInfoArchival, CMS crls).</summary>
internal sealed record RevocationEvidence(IReadOnlyList<CrlEntry> Crls, IReadOnlyList<byte[]> OcspResponses)
{
    public static RevocationEvidence Empty { get; } = new([], []);
}
