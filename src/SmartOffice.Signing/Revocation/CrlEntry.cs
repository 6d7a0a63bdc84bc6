using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace SmartOffice.Signing.Revocation;

/// <summary>One parsed CRL with its revoked serials (date, reason, invalidity date) indexed for O(1) look-up.</summary>
internal sealed class CrlEntry
{
    private readonly Dictionary<string, Revocation> _revokedSerials;

    // The same CRL is checked against the same issuer for every letter: verify its signature once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _signatureByIssuer = new(
        StringComparer.Ordinal
    );

    private CrlEntry(X509Crl crl, string source)
    {
        Crl = crl;
        Source = source;
        IssuerName = crl.IssuerDN.ToString();
        IssuerDer = crl.IssuerDN.GetEncoded();
        ThisUpdate = Utc(crl.ThisUpdate);
        NextUpdate = crl.NextUpdate is { } next ? Utc(next) : null;
        Number = Extension(crl, X509Extensions.CrlNumber) is DerInteger number ? number.Value : null;
        // A delta CRL lists only changes, and a CRL with an issuing distribution point covers only its partition:
        // neither can prove that a certificate it does not list is good.
        IsComplete =
            crl.GetExtensionValue(X509Extensions.DeltaCrlIndicator) is null
            && crl.GetExtensionValue(X509Extensions.IssuingDistributionPoint) is null;
        _revokedSerials = new Dictionary<string, Revocation>(StringComparer.Ordinal);
        foreach (var revoked in crl.GetRevokedCertificates() ?? Enumerable.Empty<X509CrlEntry>())
        {
            var reason = Extension(revoked, X509Extensions.ReasonCode) is DerEnumerated code
                ? (int?)code.IntValueExact
                : null;
            var invalidity = Extension(revoked, X509Extensions.InvalidityDate) is Asn1GeneralizedTime time
                ? Utc(time.ToDateTime())
                : (DateTimeOffset?)null;
            _revokedSerials[revoked.SerialNumber.ToString(16)] = new Revocation(
                Utc(revoked.RevocationDate),
                reason,
                invalidity,
                $"the CRL ({source})"
            );
        }
    }

    public X509Crl Crl { get; }

    /// <summary>Where the CRL came from ("file crl/issuing-ca.crl", "PDF DSS", "CMS archival"), for messages.</summary>
    public string Source { get; }

    /// <summary>
    /// Issuer as BouncyCastle renders it; compared with the certificate's issuer in the same rendering.
    /// </summary>
    public string IssuerName { get; }

    public byte[] IssuerDer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    /// <summary>The cRLNumber extension, when present: orders CRLs of one issuer issued in the same second.</summary>
    public Org.BouncyCastle.Math.BigInteger? Number { get; }

    /// <summary>
    /// A full CRL of its issuer: neither a delta CRL nor one limited by an issuing distribution point.
    /// </summary>
    public bool IsComplete { get; }

    public bool TryGetRevocation(byte[] serialBigEndian, out Revocation revocation) =>
        _revokedSerials.TryGetValue(
            new Org.BouncyCastle.Math.BigInteger(1, serialBigEndian).ToString(16),
            out revocation!
        );

    /// <summary>
    /// Whether this CRL is newer than <paramref name="other"/>: later thisUpdate, then a higher CRL number.
    /// </summary>
    public bool IsNewerThan(CrlEntry other) =>
        ThisUpdate != other.ThisUpdate
            ? ThisUpdate > other.ThisUpdate
            : Number is not null && other.Number is not null && Number.CompareTo(other.Number) > 0;

    /// <summary>
    /// Whether this CRL names <paramref name="issuer"/> as its issuer and carries its valid signature.
    /// </summary>
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

    private static Asn1Object? Extension(IX509Extension holder, DerObjectIdentifier oid) =>
        holder.GetExtensionValue(oid) is { } value ? X509ExtensionUtilities.FromExtensionValue(value) : null;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>
/// One revocation (a CRL entry or an OCSP answer): when, why (RFC 5280 CRLReason, null when absent), since when the key
/// was unsafe.
/// </summary>
internal sealed record Revocation(DateTimeOffset RevokedAt, int? Reason, DateTimeOffset? InvalidityDate, string Source)
{
    public const int KeyCompromise = 1;
    public const int AffiliationChanged = 3;
    public const int Superseded = 4;
    public const int CessationOfOperation = 5;
    public const int CertificateHold = 6;
    public const int RemoveFromCrl = 8;

    public string ReasonName =>
        Reason switch
        {
            null => "no reason given",
            0 => "unspecified",
            KeyCompromise => "keyCompromise",
            2 => "cACompromise",
            AffiliationChanged => "affiliationChanged",
            Superseded => "superseded",
            CessationOfOperation => "cessationOfOperation",
            CertificateHold => "certificateHold",
            RemoveFromCrl => "removeFromCRL",
            9 => "privilegeWithdrawn",
            10 => "aACompromise",
            _ => $"reason {Reason}",
        };
}
