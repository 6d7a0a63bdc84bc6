using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>Key types the demo PKI can issue.</summary>
public enum DemoKeyType
{
    Rsa2048,
    Rsa3072,
    Rsa1024,
    EcdsaP256,
    EcdsaP384,
}

/// <summary>What a test or sample wants in a certificate issued by the demo issuing CA.</summary>
public sealed record DemoCertificateSpec
{
    public string CommonName { get; init; } = "Demo signer";

    public string? OrganizationName { get; init; }

    /// <summary>Registry number; null issues a certificate without an organization identifier.</summary>
    public string? RegistryNumber { get; init; }

    public string OrganizationIdentifierOid { get; init; } = OrganizationIdentifier.DefaultOid;

    /// <summary>
    /// The identifier exactly as written (e.g. a bare number, another country); overrides "NTRMN-" + RegistryNumber.
    /// </summary>
    public string? OrganizationIdentifierValue { get; init; }

    /// <summary>Writes the organization identifier and the common name as one multi-valued RDN.</summary>
    public bool MultiValuedIdentifierRdn { get; init; }

    public DemoKeyType KeyType { get; init; } = DemoKeyType.Rsa2048;

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public X509KeyUsageFlags KeyUsages { get; init; } =
        X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;

    /// <summary>Hash of the CA's signature on the certificate (SHA-1 for weak-algorithm tests).</summary>
    public HashAlgorithmName SignatureHash { get; init; } = HashAlgorithmName.SHA256;

    public bool IssuedByUntrustedRoot { get; init; }

    /// <summary>Extended key usages to add (e.g. timeStamping for a TSA, critical).</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];
}
