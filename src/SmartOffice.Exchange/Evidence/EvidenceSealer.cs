using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Seals evidence documents with the system's own certificate (Seal:*): a detached CMS over the exact UTF-8
/// bytes, with the seal certificate and its chain, so anyone can verify it offline without trusting us.
/// <paramref name="formerCertificates"/> are the seals this service used before a rollover: evidences they sealed are still ours.
/// </summary>
public sealed class EvidenceSealer(X509Certificate2 sealCertificate, IReadOnlyList<X509Certificate2> chain, IReadOnlyList<X509Certificate2>? formerCertificates = null)
{
    // Imported once: loading the private key costs more than signing with it (OpenSSL keys are safe to share).
    private readonly AsymmetricAlgorithm _key = (AsymmetricAlgorithm?)sealCertificate.GetECDsaPrivateKey() ?? sealCertificate.GetRSAPrivateKey()
        ?? throw new ArgumentException("the seal certificate has no private key", nameof(sealCertificate));

    public X509Certificate2 Certificate => sealCertificate;

    /// <summary>The current seal and every former one: an evidence sealed by any of them was sealed by this service.</summary>
    public IReadOnlyList<X509Certificate2> OwnCertificates { get; } = [sealCertificate, .. formerCertificates ?? []];

    public byte[] Seal(ReadOnlySpan<byte> document)
    {
        var cms = new SignedCms(new ContentInfo(document.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, sealCertificate, _key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain.ToArray());
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
