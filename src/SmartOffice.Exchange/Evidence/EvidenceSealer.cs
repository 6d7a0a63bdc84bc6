using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Cms;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Seals evidence documents with the system's own certificate (Seal:*): a detached CMS over the exact UTF-8
/// bytes, with the seal certificate and its chain, so anyone can verify it offline without trusting us.
/// <paramref name="formerCertificates"/> are the seals this service used before a rollover: evidences they sealed are
/// still ours.
/// </summary>
public sealed class EvidenceSealer(
    X509Certificate2 sealCertificate,
    IReadOnlyList<X509Certificate2> chain,
    IReadOnlyList<X509Certificate2>? formerCertificates = null
)
{
    // The key is imported once: loading it costs more than signing with it (OpenSSL keys are safe to share).
    private readonly DetachedCmsWriter _writer = new(
        sealCertificate,
        (AsymmetricAlgorithm?)sealCertificate.GetECDsaPrivateKey()
            ?? sealCertificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("the seal certificate has no private key", nameof(sealCertificate)),
        chain
    );

    public X509Certificate2 Certificate => sealCertificate;

    /// <summary>The seal's issuing certificates, shipped with every seal so it verifies offline.</summary>
    public IReadOnlyList<X509Certificate2> Chain => chain;

    /// <summary>
    /// The current seal and every former one: an evidence sealed by any of them was sealed by this service.
    /// </summary>
    public IReadOnlyList<X509Certificate2> OwnCertificates { get; } = [sealCertificate, .. formerCertificates ?? []];

    public byte[] Seal(ReadOnlySpan<byte> document, DateTimeOffset signingTime) => _writer.Sign(document, signingTime);
}
