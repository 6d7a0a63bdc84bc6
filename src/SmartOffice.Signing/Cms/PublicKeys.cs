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
    private static readonly ConditionalWeakTable<X509Certificate2, KeyHolder> s_keys = [];

    public static RSA? Rsa(X509Certificate2 certificate) => Get(certificate) as RSA;

    public static ECDsa? Ecdsa(X509Certificate2 certificate) => Get(certificate) as ECDsa;

    // A holder so that "this certificate has no RSA or ECDSA key" is remembered too.
    private static AsymmetricAlgorithm? Get(X509Certificate2 certificate) =>
        s_keys
            .GetValue(certificate, c => new KeyHolder(
                (AsymmetricAlgorithm?)c.GetRSAPublicKey() ?? c.GetECDsaPublicKey()
            ))
            .Key;

    private sealed record KeyHolder(AsymmetricAlgorithm? Key);
}
