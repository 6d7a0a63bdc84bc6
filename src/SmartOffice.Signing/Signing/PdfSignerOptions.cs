using System.Security.Cryptography;

namespace SmartOffice.Signing;

/// <summary>
/// How <see cref="PdfSigner"/> signs. Defaults make a PAdES baseline signature (ETSI.CAdES.detached, SHA-256).
/// </summary>
public sealed record PdfSignerOptions
{
    public HashAlgorithmName Digest { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>"ETSI.CAdES.detached" (default) or "adbe.pkcs7.detached".</summary>
    public string SubFilter { get; init; } = PdfSigner.CadesDetached;

    public bool UseRsaPss { get; init; }

    public string? Reason { get; init; }

    public string? Location { get; init; }

    public string? ContactInfo { get; init; }

    public bool IncludeSigningCertificateV2 { get; init; } = true;

    public bool IncludeChain { get; init; } = true;

    /// <summary>false makes a CMS without any certificate (only for attack tests).</summary>
    public bool IncludeCertificate { get; init; } = true;

    /// <summary>Signature value → RFC 3161 token, added as the signature-time-stamp unsigned attribute.</summary>
    public Func<byte[], byte[]>? TimestampTokenProvider { get; init; }

    /// <summary>CRLs (DER) embedded in Adobe's revocationInfoArchival signed attribute.</summary>
    public IReadOnlyList<byte[]>? RevocationCrls { get; init; }

    /// <summary>The clock whose time a PKCS#7 signature claims as its signing time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
