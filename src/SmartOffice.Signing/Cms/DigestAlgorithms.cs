using System.Security.Cryptography;

namespace SmartOffice.Signing.Cms;

/// <summary>Maps digest OIDs to .NET hash names and decides which are strong enough.</summary>
internal static class DigestAlgorithms
{
    public static HashAlgorithmName? FromOid(string oid) =>
        oid switch
        {
            Oids.Sha256 => HashAlgorithmName.SHA256,
            Oids.Sha384 => HashAlgorithmName.SHA384,
            Oids.Sha512 => HashAlgorithmName.SHA512,
            Oids.Sha1 => HashAlgorithmName.SHA1,
            Oids.Md5 => HashAlgorithmName.MD5,
            _ => null,
        };

    public static bool IsStrong(HashAlgorithmName name) =>
        name == HashAlgorithmName.SHA256 || name == HashAlgorithmName.SHA384 || name == HashAlgorithmName.SHA512;

    public static int SizeInBytes(HashAlgorithmName name) =>
        name == HashAlgorithmName.SHA512 ? 64
        : name == HashAlgorithmName.SHA384 ? 48
        : name == HashAlgorithmName.SHA256 ? 32
        : name == HashAlgorithmName.SHA1 ? 20
        : 16;

    /// <summary>Hashes in certificate signature algorithms that are refused (SHA-1, MD5, MD2).</summary>
    public static bool IsWeakCertificateSignature(string? oid) =>
        oid
            is Oids.Sha1WithRsa
                or Oids.Md5WithRsa
                or "1.2.840.113549.1.1.2"
                or Oids.EcdsaWithSha1
                or "1.2.840.10040.4.3";

    public static string SignatureName(string oid, HashAlgorithmName hash) =>
        oid switch
        {
            Oids.RsaPss => $"RSASSA-PSS with {hash.Name}",
            Oids.EcPublicKey
            or Oids.EcdsaWithSha256
            or Oids.EcdsaWithSha384
            or Oids.EcdsaWithSha512
            or Oids.EcdsaWithSha1 => $"ECDSA with {hash.Name}",
            _ => $"RSA PKCS#1 v1.5 with {hash.Name}",
        };
}
