using Org.BouncyCastle.X509;

namespace SmartOffice.Signing.Revocation;

/// <summary>One parsed CRL with its revoked serials indexed for O(1) look-up.</summary>
internal sealed class CrlEntry
{
    private readonly Dictionary<string, DateTimeOffset> _revokedSerials;

    // The same CRL is checked against the same issuer for every letter: verify its signature once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _signatureByIssuer = new(StringComparer.Ordinal);

    private CrlEntry(X509Crl crl, string source)
    {
        Crl = crl;
        Source = source;
        IssuerName = crl.IssuerDN.ToString();
        IssuerDer = crl.IssuerDN.GetEncoded();
        ThisUpdate = new DateTimeOffset(DateTime.SpecifyKind(crl.ThisUpdate, DateTimeKind.Utc));
        NextUpdate = crl.NextUpdate is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null;
        _revokedSerials = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var revoked in crl.GetRevokedCertificates() ?? Enumerable.Empty<X509CrlEntry>())
        {
            _revokedSerials[revoked.SerialNumber.ToString(16)] =
                new DateTimeOffset(DateTime.SpecifyKind(revoked.RevocationDate, DateTimeKind.Utc));
        }
    }

    public X509Crl Crl { get; }

    /// <summary>Where the CRL came from ("file crl/issuing-ca.crl", "PDF DSS", "CMS archival"), for messages.</summary>
    public string Source { get; }

    /// <summary>Issuer as BouncyCastle renders it; compared with the certificate's issuer in the same rendering.</summary>
    public string IssuerName { get; }

    public byte[] IssuerDer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public bool TryGetRevocation(byte[] serialBigEndian, out DateTimeOffset revokedAt) =>
        _revokedSerials.TryGetValue(new Org.BouncyCastle.Math.BigInteger(1, serialBigEndian).ToString(16), out revokedAt);

    /// <summary>Whether this CRL names <paramref name="issuer"/> as its issuer and carries its valid signature.</summary>
    public bool IsSignedBy(System.Security.Cryptography.X509Certificates.X509Certificate2 issuer)
    {
        if (!IssuerDer.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
        {
            return false;
        }

        return _signatureByIssuer.GetOrAdd(issuer.Thumbprint, _ =>
        {
            try
            {
                Crl.Verify(new X509CertificateParser().ReadCertificate(issuer.RawData).GetPublicKey());
                return true;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return false;
            }
        });
    }

    /// <summary>Parses DER or PEM; null when the bytes are not a CRL.</summary>
    public static CrlEntry? TryParse(byte[] bytes, string source)
    {
        try
        {
            var crl = new X509CrlParser().ReadCrl(bytes);
            return crl is null ? null : new CrlEntry(crl, source);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }
}
