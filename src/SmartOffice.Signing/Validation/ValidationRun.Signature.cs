using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Cms;
using SmartOffice.Signing.Pdf;

namespace SmartOffice.Signing;

/// <summary>
/// The CMS: it parses, its digest matches the signed bytes, its signature verifies, its algorithms are strong.
/// </summary>
internal sealed partial class ValidationRun
{
    // A CMS with its chain, a timestamp and embedded revocation data stays well below this.
    private const int MaxSignatureValueBytes = 1024 * 1024;
    private static readonly string[] SupportedSubFilters = ["ETSI.CAdES.detached", "adbe.pkcs7.detached"];
    private CmsSignerInfo? _cmsSigner;
    private CmsSignedData? _cms;
    private X509Certificate2? _signerCertificate;
    private List<X509Certificate2> _cmsCertificates = [];

    private Refusal? CheckSignature(PdfScanResult scan)
    {
        var signature = _signature!;
        if (!SupportedSubFilters.Contains(signature.SubFilter, StringComparer.Ordinal))
        {
            return signature.SubFilter == "adbe.x509.rsa_sha1"
                ? Refusals.WeakAlgorithm("SubFilter adbe.x509.rsa_sha1 (SHA-1)")
                : Refusals.SignatureInvalid(
                    SubIndications.FormatFailure,
                    $"the signature format /SubFilter {signature.SubFilter ?? "(none)"} is not supported; use "
                        + $"ETSI.CAdES.detached (PAdES)"
                );
        }

        if (ReadCms(signature.Contents) is { } unreadable)
        {
            return unreadable;
        }

        var signer = _cmsSigner!;
        var certificate = _signerCertificate!;
        var hash = DigestAlgorithms.FromOid(signer.DigestAlgorithmOid);
        if (hash is null)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                $"the digest algorithm {signer.DigestAlgorithmOid} is unknown"
            );
        }

        _digestAlgorithm = hash.Value.Name;
        _signatureAlgorithm = DigestAlgorithms.SignatureName(signer.SignatureAlgorithmOid, hash.Value);
        _claimedSigningTime = SignedAttributeReader.SigningTime(signer) ?? PdfDate.TryParse(signature.SigningTime);
        var range = signature.ByteRange!;
        var (documentSha256, contentDigest, signedContentSha256) = DocumentDigests.Compute(
            _file,
            (int)range[1],
            (int)range[2],
            hash.Value
        );
        _documentSha256 = Convert.ToHexStringLower(documentSha256);
        _signedContentSha256 = Convert.ToHexStringLower(signedContentSha256);

        if (signer.SignedAttributesDer is not null)
        {
            var messageDigest = SignedAttributeReader.MessageDigest(signer, out var problem);
            if (messageDigest is null)
            {
                return Refusals.SignatureInvalid(SubIndications.SigCryptoFailure, problem!);
            }

            if (!CryptographicOperations.FixedTimeEquals(messageDigest, contentDigest))
            {
                return Refusals.SignatureInvalid(
                    SubIndications.HashFailure,
                    "the signed bytes of the file do not match the digest in the signature"
                );
            }

            if (!SignedAttributeReader.HasDataContentType(signer))
            {
                return Refusals.SignatureInvalid(
                    SubIndications.SigCryptoFailure,
                    "the signed attributes must carry exactly one content-type attribute, id-data (RFC 5652)"
                );
            }
        }
        else if (signature.SubFilter == "ETSI.CAdES.detached")
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                "a PAdES (ETSI.CAdES.detached) signature must carry signed attributes"
            );
        }

        if (SignerSignatureVerifier.Verify(signer, certificate, hash.Value, contentDigest) is { } failure)
        {
            return Refusals.SignatureInvalid(
                signer.SignedAttributesDer is null ? SubIndications.HashFailure : SubIndications.SigCryptoFailure,
                failure
            );
        }

        if (SignedAttributeReader.CheckSigningCertificateBinding(signer, certificate, out var isBound) is { } swapped)
        {
            return Refusals.SignatureInvalid(SubIndications.SigCryptoFailure, swapped);
        }

        if (!isBound && signature.SubFilter == "ETSI.CAdES.detached")
        {
            _warnings.Add("The signature has no signing-certificate-v2 attribute (PAdES baseline expects one).");
        }

        Pass(
            CheckNames.Cryptographic,
            $"{_signatureAlgorithm} signature by \"{certificate.Subject}\" verifies over the signed bytes"
        );
        return CheckAlgorithms(hash.Value, certificate);
    }

    private Refusal? ReadCms(byte[]? contents)
    {
        if (contents is null || contents.Length == 0 || !contents.AsSpan().ContainsAnyExcept((byte)0))
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                "the signature value (/Contents) is empty"
            );
        }

        if (contents.Length > MaxSignatureValueBytes)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                $"the signature value is {contents.Length} bytes, far more than a signature needs (limit "
                    + $"{MaxSignatureValueBytes})"
            );
        }

        int encodedLength;
        try
        {
            // PDF writers pad /Contents with zeros after the DER value.
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out encodedLength);
        }
        catch (AsnContentException)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                "the signature value is not a CMS structure"
            );
        }

        if (contents.AsSpan(encodedLength).ContainsAnyExcept((byte)0))
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                "data is hidden in /Contents after the signature value (the padding must be zeros)"
            );
        }

        _cms = CmsParser.TryParse(contents.AsMemory(0, encodedLength), out var problem);
        if (_cms is null)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                $"the CMS signature cannot be read ({problem})"
            );
        }

        if (_cms.Signers.Count != 1)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                $"the CMS holds {_cms.Signers.Count} signers instead of one"
            );
        }

        if (_cms.HasEncapsulatedContent || _cms.EncapsulatedContentType != Oids.Data)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                "the CMS is not a detached signature over the PDF bytes"
            );
        }

        _cmsSigner = _cms.Signers[0];
        _cmsCertificates = CertificateCache.LoadAll(_cms.Certificates);
        _signerCertificate = _cmsCertificates.FirstOrDefault(IsSignerCertificate);
        if (_signerCertificate is null)
        {
            return Refusals.SignatureInvalid(
                SubIndications.SigCryptoFailure,
                "the signer's certificate is not included in the signature"
            );
        }

        _signer = SignerDescription.Describe(_signerCertificate, DefaultProfile);
        return null;
    }

    private bool IsSignerCertificate(X509Certificate2 certificate)
    {
        var signer = _cmsSigner!;
        if (signer.SubjectKeyIdentifier is { } keyId)
        {
            return certificate
                    .Extensions.OfType<X509SubjectKeyIdentifierExtension>()
                    .FirstOrDefault()
                    ?.SubjectKeyIdentifierBytes.Span.SequenceEqual(keyId) == true;
        }

        return signer.IssuerName.AsSpan().SequenceEqual(certificate.IssuerName.RawData)
            && signer.SerialNumber.AsSpan().SequenceEqual(certificate.SerialNumberBytes.Span);
    }

    private Refusal? CheckAlgorithms(HashAlgorithmName hash, X509Certificate2 certificate)
    {
        if (!DigestAlgorithms.IsStrong(hash))
        {
            return Refusals.WeakAlgorithm($"digest {hash.Name}");
        }

        var rsa = PublicKeys.Rsa(certificate);
        var ecdsa = rsa is null ? PublicKeys.Ecdsa(certificate) : null;
        if (rsa is not null && rsa.KeySize < 2048)
        {
            return Refusals.WeakAlgorithm($"RSA key of {rsa.KeySize} bits");
        }

        if (ecdsa is not null && ecdsa.KeySize < 256)
        {
            return Refusals.WeakAlgorithm($"ECDSA key of {ecdsa.KeySize} bits");
        }

        if (DigestAlgorithms.IsWeakCertificateSignature(certificate.SignatureAlgorithm.Value))
        {
            return Refusals.WeakAlgorithm(
                $"the certificate is signed with {certificate.SignatureAlgorithm.FriendlyName}"
            );
        }

        Pass(
            CheckNames.Algorithms,
            $"{_signatureAlgorithm}, {(rsa is not null ? $"RSA {rsa.KeySize}" : $"ECDSA {ecdsa?.KeySize}")}-bit key"
        );
        return null;
    }
}
