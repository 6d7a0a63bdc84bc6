using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>Demo CRLs with .NET's CertificateRevocationListBuilder.</summary>
internal static class CrlFactory
{
    public static byte[] Create(X509Certificate2 issuer, IEnumerable<X509Certificate2> revoked, DateTimeOffset now)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, now.AddHours(-1), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(issuer, BigInteger.One, now.AddDays(30), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddHours(-1));
    }
}
