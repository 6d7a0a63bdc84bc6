using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>Builds demo certificates with .NET's CertificateRequest.</summary>
internal static class CertificateFactory
{
    public static X509Certificate2 CreateRoot(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(
            Name(commonName, "SmartOffice Demo", null, null),
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1
        );
        AddCaExtensions(request, key);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    public static X509Certificate2 CreateIntermediate(
        string commonName,
        X509Certificate2 issuer,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter
    )
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            Name(commonName, "SmartOffice Demo", null, null),
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1
        );
        AddCaExtensions(request, key);
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false)
        );
        using var issued = request.Create(issuer, notBefore, notAfter, SerialNumber());
        return issued.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 CreateEndEntity(
        DemoCertificateSpec spec,
        X509Certificate2 issuer,
        DateTimeOffset now
    )
    {
        using AsymmetricAlgorithm key = spec.KeyType switch
        {
            DemoKeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            DemoKeyType.EcdsaP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
            DemoKeyType.Rsa3072 => RSA.Create(3072),
            DemoKeyType.Rsa1024 => RSA.Create(1024),
            _ => RSA.Create(2048),
        };
        var identifier = spec.OrganizationIdentifierValue
            ?? (spec.RegistryNumber is null ? null : $"NTRMN-{spec.RegistryNumber}");
        var subject =
            spec.MultiValuedIdentifierRdn && identifier is not null
                ? MultiValuedName(spec.CommonName, identifier, spec.OrganizationIdentifierOid)
                : Name(spec.CommonName, spec.OrganizationName, identifier, spec.OrganizationIdentifierOid);
        var request = key is ECDsa ecdsa
            ? new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(spec.KeyUsages, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false)
        );
        if (spec.ExtendedKeyUsages.Count > 0)
        {
            var usages = new OidCollection();
            foreach (var usage in spec.ExtendedKeyUsages)
            {
                usages.Add(new Oid(usage));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, true));
        }

        var notBefore = spec.NotBefore ?? now.AddDays(-1);
        var notAfter = spec.NotAfter ?? now.AddYears(2);
        using var issued = request.Create(
            issuer.SubjectName,
            IssuerSignatureGenerator(issuer),
            notBefore,
            notAfter,
            SerialNumber()
        );
        return key switch
        {
            ECDsa ec => issued.CopyWithPrivateKey(ec),
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            _ => throw new InvalidOperationException(),
        };

        X509SignatureGenerator IssuerSignatureGenerator(X509Certificate2 ca) =>
            spec.SignatureHash == HashAlgorithmName.SHA256
                ? X509SignatureGenerator.CreateForRSA(ca.GetRSAPrivateKey()!, RSASignaturePadding.Pkcs1)
                : new Sha1CapableRsaGenerator(ca.GetRSAPrivateKey()!);
    }

    public static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    private static X500DistinguishedName Name(
        string commonName,
        string? organization,
        string? organizationIdentifier,
        string? organizationIdentifierOid
    )
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("MN");
        if (organization is not null)
        {
            builder.AddOrganizationName(organization);
        }

        if (organizationIdentifier is not null)
        {
            builder.Add(
                organizationIdentifierOid ?? OrganizationIdentifier.DefaultOid,
                organizationIdentifier,
                UniversalTagNumber.UTF8String
            );
        }

        builder.AddCommonName(commonName);
        return builder.Build();
    }

    // X500DistinguishedNameBuilder writes one attribute per RDN; some CAs put CN and the identifier in one.
    private static X500DistinguishedName MultiValuedName(string commonName, string organizationIdentifier, string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSetOf())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("2.5.4.3");
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, commonName);
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(oid);
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, organizationIdentifier);
                }
            }
        }

        return new X500DistinguishedName(writer.Encode());
    }

    private static void AddCaExtensions(CertificateRequest request, AsymmetricAlgorithm key)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true)
        );
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _ = key;
    }

    /// <summary>
    /// Signs certificates with RSA and SHA-1: only so tests can prove SHA-1 certificates are refused.
    /// </summary>
    private sealed class Sha1CapableRsaGenerator(RSA key) : X509SignatureGenerator
    {
        private readonly X509SignatureGenerator _inner = CreateForRSA(key, RSASignaturePadding.Pkcs1);

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.113549.1.1.5");
                writer.WriteNull();
            }

            return writer.Encode();
        }

#pragma warning disable CA5350 // deliberately weak, for tests that prove weak certificates are refused
        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
#pragma warning restore CA5350

        protected override PublicKey BuildPublicKey() => _inner.PublicKey;
    }
}
