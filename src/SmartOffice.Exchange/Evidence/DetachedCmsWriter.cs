using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Writes a detached CMS SignedData (RFC 5652) with one signer: SHA-256, the signed attributes contentType,
/// signingTime and messageDigest, the signer's certificate and its chain. Encoded by hand with System.Formats.Asn1
/// because .NET's SignedCms, on every signature, imports the certificate's public key again (OpenSSL checks the point
/// with a full scalar multiplication) and verifies the new signature with it: about 150 µs for a 40 µs ECDSA
/// signature, and every letter is sealed at least twice. What it writes is what SignedCms writes for the same signer,
/// and SignedCms (our verifier) and OpenSSL (`openssl cms -verify`) check it in the tests.
/// </summary>
internal sealed class DetachedCmsWriter
{
    private const string IdData = "1.2.840.113549.1.7.1";
    private const string IdSignedData = "1.2.840.113549.1.7.2";
    private const string IdContentType = "1.2.840.113549.1.9.3";
    private const string IdMessageDigest = "1.2.840.113549.1.9.4";
    private const string IdSigningTime = "1.2.840.113549.1.9.5";
    private const string IdSha256 = "2.16.840.1.101.3.4.2.1";
    private const string IdEcdsaWithSha256 = "1.2.840.10045.4.3.2";
    private const string IdSha256WithRsa = "1.2.840.113549.1.1.11";

    private readonly AsymmetricAlgorithm _key;
    private readonly byte[] _issuerAndSerialNumber;
    private readonly byte[][] _certificates;

    public DetachedCmsWriter(X509Certificate2 certificate, AsymmetricAlgorithm key, IEnumerable<X509Certificate2> chain)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _key = key is ECDsa or RSA ? key : throw new ArgumentException("the seal key must be ECDSA or RSA", nameof(key));
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(certificate.IssuerName.RawData);
            writer.WriteInteger(certificate.SerialNumberBytes.Span);
        }

        _issuerAndSerialNumber = writer.Encode();
        _certificates = [.. new[] { certificate }.Concat(chain).Select(c => c.RawData).DistinctBy(Convert.ToHexString)];
    }

    public byte[] Sign(ReadOnlySpan<byte> content, DateTimeOffset signingTime)
    {
        // The signature covers the signed attributes DER-encoded as a SET; in the SignerInfo they carry the tag [0] instead.
        var signedAttributes = SignedAttributes(SHA256.HashData(content), signingTime);
        var (signatureAlgorithm, signature) = _key switch
        {
            ECDsa ecdsa => (IdEcdsaWithSha256, ecdsa.SignData(signedAttributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)),
            RSA rsa => (IdSha256WithRsa, rsa.SignData(signedAttributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            _ => throw new InvalidOperationException("unreachable: the key type is checked in the constructor"),
        };
        signedAttributes[0] = 0xA0;

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(IdSignedData);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                    WriteAlgorithm(writer, IdSha256, nullParameters: false);
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(IdData);
                }

                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    foreach (var certificate in _certificates)
                    {
                        writer.WriteEncodedValue(certificate);
                    }
                }

                using (writer.PushSetOf())
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    writer.WriteEncodedValue(_issuerAndSerialNumber);
                    WriteAlgorithm(writer, IdSha256, nullParameters: false);
                    writer.WriteEncodedValue(signedAttributes);
                    WriteAlgorithm(writer, signatureAlgorithm, nullParameters: signatureAlgorithm == IdSha256WithRsa);
                    writer.WriteOctetString(signature);
                }
            }
        }

        return writer.Encode();
    }

    private static byte[] SignedAttributes(byte[] digest, DateTimeOffset signingTime)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(IdContentType);
                using (writer.PushSetOf())
                {
                    writer.WriteObjectIdentifier(IdData);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(IdSigningTime);
                using (writer.PushSetOf())
                {
                    // RFC 5652 11.3: UTCTime for 1950 to 2049, GeneralizedTime otherwise.
                    var utc = signingTime.ToUniversalTime();
                    if (utc.Year is >= 1950 and < 2050)
                    {
                        writer.WriteUtcTime(utc);
                    }
                    else
                    {
                        writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
                    }
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(IdMessageDigest);
                using (writer.PushSetOf())
                {
                    writer.WriteOctetString(digest);
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteAlgorithm(AsnWriter writer, string oid, bool nullParameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (nullParameters)
            {
                writer.WriteNull();
            }
        }
    }
}
