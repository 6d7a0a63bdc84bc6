using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Cms;

/// <summary>Reads the signed and unsigned attributes that matter for PAdES validation.</summary>
internal static class SignedAttributeReader
{
    /// <summary>The messageDigest value; null with a reason when absent, repeated or malformed.</summary>
    public static byte[]? MessageDigest(CmsSignerInfo signer, out string? problem)
    {
        var values = signer.ValuesOf(Oids.MessageDigest).ToList();
        problem =
            values.Count == 1 ? null : $"the signed attributes hold {values.Count} message digests instead of one";
        return values.Count == 1 ? new AsnReader(values[0], AsnEncodingRules.BER).ReadOctetString() : null;
    }

    /// <summary>The content-type attribute, when present, must announce plain data.</summary>
    /// <summary>
    /// RFC 5652 §11.1: signed attributes carry exactly one content-type value; for a PDF it is id-data.
    /// </summary>
    public static bool HasDataContentType(CmsSignerInfo signer) =>
        signer.ValuesOf(Oids.ContentType).ToList() is [var value]
        && new AsnReader(value, AsnEncodingRules.BER).ReadObjectIdentifier() == Oids.Data;

    public static DateTimeOffset? SigningTime(CmsSignerInfo signer)
    {
        var value = signer.ValuesOf(Oids.SigningTime).FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        var reader = new AsnReader(value, AsnEncodingRules.BER);
        return reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime)
            ? reader.ReadUtcTime()
            : reader.ReadGeneralizedTime();
    }

    /// <summary>
    /// ESS signing-certificate(-v2) binds the signer certificate into the signature; a mismatch means the
    /// certificate was swapped. Null when absent or matching, otherwise why not.
    /// </summary>
    public static string? CheckSigningCertificateBinding(
        CmsSignerInfo signer,
        X509Certificate2 certificate,
        out bool isPresent
    )
    {
        isPresent = false;
        foreach (var value in signer.ValuesOf(Oids.SigningCertificateV2))
        {
            isPresent = true;
            var certId = new AsnReader(value, AsnEncodingRules.BER).ReadSequence().ReadSequence().ReadSequence();
            var hashOid = Oids.Sha256;
            if (certId.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                hashOid = certId.ReadSequence().ReadObjectIdentifier();
            }

            var expected = certId.ReadOctetString();
            if (
                DigestAlgorithms.FromOid(hashOid) is not { } hash
                || !CryptographicOperations.FixedTimeEquals(expected, Hash(hash, certificate.RawData))
            )
            {
                return "the signing-certificate-v2 attribute names a different certificate than the one that signed";
            }
        }

        foreach (var value in signer.ValuesOf(Oids.SigningCertificate))
        {
            isPresent = true;
            var certId = new AsnReader(value, AsnEncodingRules.BER).ReadSequence().ReadSequence().ReadSequence();
            // ESS v1 identifies certificates by SHA-1 by definition; matching it is identification, not security.
#pragma warning disable CA5350
            if (!certId.ReadOctetString().AsSpan().SequenceEqual(SHA1.HashData(certificate.RawData)))
#pragma warning restore CA5350
            {
                return "the signing-certificate attribute names a different certificate than the one that signed";
            }
        }

        return null;
    }

    /// <summary>CRLs and OCSP responses from Adobe's revocationInfoArchival signed attribute.</summary>
    public static (List<byte[]> Crls, List<byte[]> Ocsps) RevocationArchival(CmsSignerInfo signer)
    {
        var crls = new List<byte[]>();
        var ocsps = new List<byte[]>();
        foreach (var value in signer.ValuesOf(Oids.AdobeRevocationInfoArchival))
        {
            var sequence = new AsnReader(value, AsnEncodingRules.BER).ReadSequence();
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                var items = sequence.ReadSequence(tag).ReadSequence();
                var target = tag.TagValue switch
                {
                    0 => crls,
                    1 => ocsps,
                    _ => null,
                };
                while (items.HasData)
                {
                    var item = items.ReadEncodedValue().ToArray();
                    target?.Add(item);
                }
            }
        }

        return (crls, ocsps);
    }

    private static byte[] Hash(HashAlgorithmName name, byte[] data) =>
        name.Name switch
        {
            "SHA384" => SHA384.HashData(data),
            "SHA512" => SHA512.HashData(data),
#pragma warning disable CA5350 // only to recognise an ESS certificate hash, never to trust content
            "SHA1" => SHA1.HashData(data),
#pragma warning restore CA5350
            _ => SHA256.HashData(data),
        };
}
