using System.Formats.Asn1;
using System.Security.Cryptography;

namespace SmartOffice.Signing.Cms;

/// <summary>
/// Reads a CMS SignedData with System.Formats.Asn1. SignedCms would hide the raw signed attributes, and
/// verifying through it would copy and hash a large letter a second time; this reader keeps the encodings
/// so the validator hashes the signed ranges once and verifies the signature over the exact attribute bytes.
/// </summary>
internal static class CmsParser
{
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1);

    /// <summary>Parses; null with a reason when the bytes are not a SignedData we can read.</summary>
    public static CmsSignedData? TryParse(ReadOnlyMemory<byte> encoded, out string? problem)
    {
        try
        {
            problem = null;
            return Parse(encoded);
        }
        catch (Exception exception)
            when (exception
                    is AsnContentException
                        or CryptographicException
                        or ArgumentException
                        or InvalidOperationException
            )
        {
            problem = exception.Message;
            return null;
        }
    }

    private static CmsSignedData Parse(ReadOnlyMemory<byte> encoded)
    {
        var contentInfo = new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence();
        if (contentInfo.ReadObjectIdentifier() != SignedDataOid)
        {
            throw new InvalidOperationException("the CMS is not SignedData");
        }

        var signedData = contentInfo.ReadSequence(Context0).ReadSequence();
        signedData.ReadInteger();
        signedData.ReadSetOf();
        var encapsulated = signedData.ReadSequence();
        var contentType = encapsulated.ReadObjectIdentifier();
        var hasContent = encapsulated.HasData;

        var certificates = new List<byte[]>();
        var crls = new List<byte[]>();
        if (signedData.PeekTag().HasSameClassAndValue(Context0))
        {
            var set = signedData.ReadSetOf(Context0);
            while (set.HasData)
            {
                var isCertificate = set.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence);
                var value = set.ReadEncodedValue().ToArray();
                if (isCertificate)
                {
                    certificates.Add(value);
                }
            }
        }

        if (signedData.PeekTag().HasSameClassAndValue(Context1))
        {
            var set = signedData.ReadSetOf(Context1);
            while (set.HasData)
            {
                var isCrl = set.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence);
                var value = set.ReadEncodedValue().ToArray();
                if (isCrl)
                {
                    crls.Add(value);
                }
            }
        }

        var signers = new List<CmsSignerInfo>();
        var signerSet = signedData.ReadSetOf();
        while (signerSet.HasData)
        {
            signers.Add(ReadSignerInfo(signerSet.ReadSequence()));
        }

        return new CmsSignedData
        {
            EncapsulatedContentType = contentType,
            HasEncapsulatedContent = hasContent,
            Certificates = certificates,
            Crls = crls,
            Signers = signers,
        };
    }

    private static CmsSignerInfo ReadSignerInfo(AsnReader signer)
    {
        signer.ReadInteger();
        byte[]? issuer = null,
            serial = null,
            keyId = null;
        if (signer.PeekTag().HasSameClassAndValue(Context0))
        {
            keyId = signer.ReadOctetString(Context0);
        }
        else
        {
            var issuerAndSerial = signer.ReadSequence();
            issuer = issuerAndSerial.ReadEncodedValue().ToArray();
            serial = issuerAndSerial.ReadIntegerBytes().ToArray();
        }

        var digestAlgorithm = signer.ReadSequence().ReadObjectIdentifier();
        byte[]? signedAttributesDer = null;
        var signedAttributes = new List<CmsAttribute>();
        if (signer.PeekTag().HasSameClassAndValue(Context0))
        {
            signedAttributesDer = signer.PeekEncodedValue().ToArray();
            signedAttributes = ReadAttributes(signer.ReadSetOf(Context0));
            // The signature covers the attributes encoded as a universal SET OF, not as the [0] IMPLICIT field.
            signedAttributesDer[0] = 0x31;
        }

        var signatureAlgorithm = signer.ReadSequence();
        var signatureOid = signatureAlgorithm.ReadObjectIdentifier();
        var parameters = signatureAlgorithm.HasData ? signatureAlgorithm.ReadEncodedValue().ToArray() : null;
        var signature = signer.ReadOctetString();
        var unsignedAttributes =
            signer.HasData && signer.PeekTag().HasSameClassAndValue(Context1)
                ? ReadAttributes(signer.ReadSetOf(Context1))
                : [];

        return new CmsSignerInfo
        {
            IssuerName = issuer,
            SerialNumber = serial,
            SubjectKeyIdentifier = keyId,
            DigestAlgorithmOid = digestAlgorithm,
            SignatureAlgorithmOid = signatureOid,
            SignatureAlgorithmParameters = parameters,
            SignedAttributesDer = signedAttributesDer,
            SignedAttributes = signedAttributes,
            UnsignedAttributes = unsignedAttributes,
            Signature = signature,
        };
    }

    private static List<CmsAttribute> ReadAttributes(AsnReader set)
    {
        var attributes = new List<CmsAttribute>();
        while (set.HasData)
        {
            var attribute = set.ReadSequence();
            var oid = attribute.ReadObjectIdentifier();
            var values = new List<byte[]>();
            var valueSet = attribute.ReadSetOf();
            while (valueSet.HasData)
            {
                values.Add(valueSet.ReadEncodedValue().ToArray());
            }

            attributes.Add(new CmsAttribute(oid, values));
        }

        return attributes;
    }
}
