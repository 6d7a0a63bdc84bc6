using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>
/// An RFC 3161 timestamp authority for tests and samples: .NET can verify timestamp tokens but not make them,
/// so the TSTInfo is written with AsnWriter and signed with SignedCms.
/// </summary>
public sealed class DemoTimestampAuthority(DemoIdentity authority)
{
    private const string TstInfoOid = "1.2.840.113549.1.9.16.1.4";
    private const string PolicyOid = "1.3.6.1.4.1.99999.1.1";

    /// <summary>
    /// A DER timestamp token (ContentInfo) over <paramref name="data"/> (for a signature timestamp: the signature
    /// value).
    /// </summary>
    public byte[] CreateToken(ReadOnlySpan<byte> data, HashAlgorithmName hash, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var (imprint, hashOid) = hash.Name switch
        {
            "SHA384" => (SHA384.HashData(data), "2.16.840.1.101.3.4.2.2"),
            "SHA512" => (SHA512.HashData(data), "2.16.840.1.101.3.4.2.3"),
            _ => (SHA256.HashData(data), "2.16.840.1.101.3.4.2.1"),
        };
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteObjectIdentifier(PolicyOid);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(hashOid);
                }

                writer.WriteOctetString(imprint);
            }

            writer.WriteIntegerUnsigned(RandomNumberGenerator.GetBytes(8).Prepend((byte)1).ToArray());
            writer.WriteGeneralizedTime(time, omitFractionalSeconds: true);
        }

        var cms = new SignedCms(new ContentInfo(new Oid(TstInfoOid), writer.Encode()), detached: false);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, authority.Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(
            new AsnEncodedData(
                new Oid("1.2.840.113549.1.9.16.2.47"),
                EssCertificate.SigningCertificateV2(authority.Certificate)
            )
        );
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
