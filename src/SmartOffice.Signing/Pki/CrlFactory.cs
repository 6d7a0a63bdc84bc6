using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>Demo CRLs with .NET's CertificateRevocationListBuilder.</summary>
internal static class CrlFactory
{
    public static byte[] Create(
        X509Certificate2 issuer,
        IEnumerable<(X509Certificate2 Certificate, DateTimeOffset RevokedAt, X509RevocationReason Reason)> revoked,
        DateTimeOffset thisUpdate,
        DateTimeOffset nextUpdate,
        long number
    )
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (certificate, revokedAt, reason) in revoked)
        {
            builder.AddEntry(certificate, revokedAt, reason);
        }

        return builder.Build(
            issuer,
            new BigInteger(number),
            nextUpdate,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1,
            thisUpdate
        );
    }

    public static byte[] Create(X509Certificate2 issuer, IEnumerable<X509Certificate2> revoked, DateTimeOffset now)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, now.AddHours(-1), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(
            issuer,
            BigInteger.One,
            now.AddDays(30),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1,
            now.AddHours(-1)
        );
    }
}
