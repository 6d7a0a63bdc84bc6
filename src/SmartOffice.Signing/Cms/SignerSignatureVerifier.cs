using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Cms;

/// <summary>Verifies a SignerInfo's signature with the signer certificate's public key.</summary>
internal static class SignerSignatureVerifier
{
    /// <summary>Null when the signature verifies; otherwise why not.</summary>
    public static string? Verify(
        CmsSignerInfo signer,
        X509Certificate2 certificate,
        HashAlgorithmName hash,
        ReadOnlySpan<byte> contentDigest
    )
    {
        var signedData = signer.SignedAttributesDer;
        switch (signer.SignatureAlgorithmOid)
        {
            case Oids.RsaEncryption
            or Oids.Sha256WithRsa
            or Oids.Sha384WithRsa
            or Oids.Sha512WithRsa
            or Oids.Sha1WithRsa:
                if (ImpliedHash(signer.SignatureAlgorithmOid) is { } implied && implied != hash)
                {
                    return "the signature algorithm's hash differs from the digest algorithm";
                }

                {
                    var rsa = PublicKeys.Rsa(certificate);
                    return rsa is null
                        ? "the certificate does not hold an RSA key"
                        : VerifyRsa(rsa, signedData, contentDigest, signer.Signature, hash, RSASignaturePadding.Pkcs1);
                }

            case Oids.RsaPss:
                if (CheckPssParameters(signer.SignatureAlgorithmParameters, hash) is { } pssProblem)
                {
                    return pssProblem;
                }

                {
                    var rsa = PublicKeys.Rsa(certificate);
                    return rsa is null
                        ? "the certificate does not hold an RSA key"
                        : VerifyRsa(rsa, signedData, contentDigest, signer.Signature, hash, RSASignaturePadding.Pss);
                }

            case Oids.EcPublicKey
            or Oids.EcdsaWithSha256
            or Oids.EcdsaWithSha384
            or Oids.EcdsaWithSha512
            or Oids.EcdsaWithSha1:
            {
                var ecdsa = PublicKeys.Ecdsa(certificate);
                if (ecdsa is null)
                {
                    return "the certificate does not hold an ECDSA key";
                }

                const DSASignatureFormat format = DSASignatureFormat.Rfc3279DerSequence;
                var valid = signedData is null
                    ? ecdsa.VerifyHash(contentDigest, signer.Signature, format)
                    : ecdsa.VerifyData(signedData, signer.Signature, hash, format);
                return valid ? null : "the ECDSA signature does not verify with the signer's public key";
            }

            default:
                return $"the signature algorithm {signer.SignatureAlgorithmOid} is not supported";
        }
    }

    private static string? VerifyRsa(
        RSA rsa,
        byte[]? signedData,
        ReadOnlySpan<byte> digest,
        byte[] signature,
        HashAlgorithmName hash,
        RSASignaturePadding padding
    )
    {
        var valid = signedData is null
            ? rsa.VerifyHash(digest, signature, hash, padding)
            : rsa.VerifyData(signedData, signature, hash, padding);
        return valid ? null : "the RSA signature does not verify with the signer's public key";
    }

    private static HashAlgorithmName? ImpliedHash(string oid) =>
        oid switch
        {
            Oids.Sha256WithRsa => HashAlgorithmName.SHA256,
            Oids.Sha384WithRsa => HashAlgorithmName.SHA384,
            Oids.Sha512WithRsa => HashAlgorithmName.SHA512,
            Oids.Sha1WithRsa => HashAlgorithmName.SHA1,
            _ => null,
        };

    // .NET verifies PSS with MGF1 over the same hash and a salt as long as the hash; anything else is refused
    // rather than half-checked.
    private static string? CheckPssParameters(byte[]? parameters, HashAlgorithmName hash)
    {
        if (parameters is null)
        {
            return "RSASSA-PSS parameters are missing";
        }

        var sequence = new AsnReader(parameters, AsnEncodingRules.BER).ReadSequence();
        string hashOid = Oids.Sha1,
            mgfHashOid = Oids.Sha1;
        var salt = 20;
        while (sequence.HasData)
        {
            var tag = sequence.PeekTag();
            var field = sequence.ReadSequence(tag);
            switch (tag.TagValue)
            {
                case 0:
                    hashOid = field.ReadSequence().ReadObjectIdentifier();
                    break;
                case 1:
                    var mgf = field.ReadSequence();
                    if (mgf.ReadObjectIdentifier() != Oids.Mgf1)
                    {
                        return "RSASSA-PSS uses a mask generation function other than MGF1";
                    }

                    mgfHashOid = mgf.ReadSequence().ReadObjectIdentifier();
                    break;
                case 2:
                    field.TryReadInt32(out salt);
                    break;
                default:
                    break;
            }
        }

        if (DigestAlgorithms.FromOid(hashOid) != hash || mgfHashOid != hashOid)
        {
            return "RSASSA-PSS hash parameters differ from the digest algorithm";
        }

        return salt == DigestAlgorithms.SizeInBytes(hash) ? null : $"RSASSA-PSS salt length {salt} is not supported";
    }
}
