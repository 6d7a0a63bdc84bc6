using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Signing;

/// <summary>Builds the detached CMS of a PAdES signature with SignedCms.</summary>
internal static class CmsBuilder
{
    private const string RevocationInfoArchival = "1.2.840.113583.1.1.8";
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string SignatureTimestampToken = "1.2.840.113549.1.9.16.2.14";

    public static int EstimateSize(
        X509Certificate2 certificate,
        List<X509Certificate2> chain,
        PdfSignerOptions options
    ) =>
        4096
        + certificate.RawData.Length
        + chain.Sum(c => c.RawData.Length)
        + (options.TimestampTokenProvider is null ? 0 : 8192)
        + (options.RevocationCrls?.Sum(c => c.Length + 16) ?? 0);

    public static byte[] Sign(
        byte[] content,
        X509Certificate2 certificate,
        List<X509Certificate2> chain,
        PdfSignerOptions options
    )
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var rsa = certificate.GetRSAPrivateKey();
        var signer = rsa is not null
            ? new CmsSigner(
                SubjectIdentifierType.IssuerAndSerialNumber,
                certificate,
                rsa,
                options.UseRsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1
            )
            : new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, certificate.GetECDsaPrivateKey());
        signer.DigestAlgorithm = DigestOid(options.Digest);
        signer.IncludeOption = options.IncludeCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None;
        if (options.IncludeCertificate && options.IncludeChain)
        {
            signer.Certificates.AddRange(chain.ToArray());
        }

        if (options.SubFilter == PdfSigner.Pkcs7Detached)
        {
            signer.SignedAttributes.Add(new Pkcs9SigningTime(options.Clock.GetUtcNow().UtcDateTime));
        }

        if (options.IncludeSigningCertificateV2)
        {
            signer.SignedAttributes.Add(
                new AsnEncodedData(new Oid(SigningCertificateV2), EssCertificate.SigningCertificateV2(certificate))
            );
        }

        if (options.RevocationCrls is { Count: > 0 } crls)
        {
            signer.SignedAttributes.Add(new AsnEncodedData(new Oid(RevocationInfoArchival), ArchivalValue(crls)));
        }

        cms.ComputeSignature(signer, silent: true);
        if (options.TimestampTokenProvider is { } timestamp)
        {
            var signerInfo = cms.SignerInfos[0];
            signerInfo.AddUnsignedAttribute(
                new AsnEncodedData(new Oid(SignatureTimestampToken), timestamp(signerInfo.GetSignature()))
            );
        }

        return cms.Encode();
    }

    private static Oid DigestOid(HashAlgorithmName name) =>
        new(
            name.Name switch
            {
                "SHA384" => "2.16.840.1.101.3.4.2.2",
                "SHA512" => "2.16.840.1.101.3.4.2.3",
                "SHA1" => "1.3.14.3.2.26",
                _ => "2.16.840.1.101.3.4.2.1",
            }
        );

    // RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CertificateList OPTIONAL, ... }
    private static byte[] ArchivalValue(IReadOnlyList<byte[]> crls)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            {
                using (writer.PushSequence())
                {
                    foreach (var crl in crls)
                    {
                        writer.WriteEncodedValue(crl);
                    }
                }
            }
        }

        return writer.Encode();
    }
}
