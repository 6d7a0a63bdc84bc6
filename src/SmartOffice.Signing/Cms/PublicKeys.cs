using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Cms;

/// <summary>
/// Importing a public key into OpenSSL costs about 100 µs, more than verifying with it; certificates come from
/// <see cref="CertificateCache"/>, so their keys are imported once and kept with them. Verification with a
/// shared key is safe: .NET's OpenSSL keys create a fresh context for every operation.
/// </summary>
internal static class PublicKeys
{
    private static readonly ConditionalWeakTable<X509Certificate2, AsymmetricAlgorithm> s_keys = [];
    private static readonly ConditionalWeakTable<X509Certificate2, AsymmetricAlgorithm> s_none = [];

    public static RSA? Rsa(X509Certificate2 certificate) => Get(certificate) as RSA;

    public static ECDsa? Ecdsa(X509Certificate2 certificate) => Get(certificate) as ECDsa;

    private static AsymmetricAlgorithm? Get(X509Certificate2 certificate)
    {
        if (s_keys.TryGetValue(certificate, out var key))
        {
            return key;
        }

        if (s_none.TryGetValue(certificate, out _))
        {
            return null;
        }

        AsymmetricAlgorithm? created = certificate.GetRSAPublicKey();
        created ??= certificate.GetECDsaPublicKey();
        if (created is null)
        {
            s_none.AddOrUpdate(certificate, RSA.Create());
            return null;
        }

        return s_keys.GetValue(certificate, _ => created);
    }
}
