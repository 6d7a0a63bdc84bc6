using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Trust;

namespace SmartOffice.Signing.Revocation;

/// <summary>
/// Decides whether any certificate of a chain is revoked, from configured CRLs and the letter's own
/// revocation data. Only a CRL or OCSP response that is signed by the certificate's issuer and current at
/// the reference time counts; the signer must be covered (policy Require), CA certificates should be.
/// </summary>
internal static class RevocationChecker
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static RevocationOutcome Check(
        IReadOnlyList<X509Certificate2> chain,
        TrustMaterial trust,
        RevocationEvidence embedded,
        DateTimeOffset validationTime,
        DateTimeOffset referenceTime,
        TimeSpan gracePeriod)
    {
        var warnings = new List<string>();
        string? signerDetail = null;
        for (var index = 0; index < chain.Count - 1; index++)
        {
            var certificate = chain[index];
            var issuer = chain[index + 1];
            var status = CheckOne(certificate, issuer, trust, embedded, validationTime, referenceTime, gracePeriod);
            if (status.IsRevoked)
            {
                return new RevocationOutcome(ValidationCodes.CertificateRevoked, status.Detail, warnings);
            }

            if (index == 0)
            {
                signerDetail = status.Detail;
                if (!status.IsCovered)
                {
                    return new RevocationOutcome(ValidationCodes.RevocationUnknown, status.Detail, warnings);
                }
            }
            else if (!status.IsCovered)
            {
                warnings.Add(status.Detail);
            }
        }

        return new RevocationOutcome(null, signerDetail ?? "no certificate to check", warnings);
    }

    private static CertificateStatus CheckOne(
        X509Certificate2 certificate, X509Certificate2 issuer, TrustMaterial trust, RevocationEvidence embedded,
        DateTimeOffset validationTime, DateTimeOffset referenceTime, TimeSpan gracePeriod)
    {
        var name = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var serial = certificate.SerialNumberBytes.ToArray();
        var stale = new List<string>();
        foreach (var crl in trust.Crls.Concat(embedded.Crls))
        {
            if (!crl.IsSignedBy(issuer))
            {
                continue;
            }

            var isCurrent = crl.ThisUpdate <= validationTime + ClockSkew && (crl.NextUpdate is null || crl.NextUpdate.Value + gracePeriod >= referenceTime);
            if (!isCurrent)
            {
                stale.Add($"the CRL of \"{issuer.Subject}\" ({crl.Source}) is out of date: next update was due {crl.NextUpdate:u}");
                continue;
            }

            if (crl.TryGetRevocation(serial, out var revokedAt))
            {
                if (revokedAt <= referenceTime)
                {
                    return CertificateStatus.Revoked($"the certificate \"{certificate.Subject}\" (serial {certificate.SerialNumber}) was revoked on {revokedAt:u} according to the CRL of \"{issuer.Subject}\" ({crl.Source})");
                }

                continue;
            }

            return CertificateStatus.Good($"\"{name}\" is not revoked according to the CRL of \"{issuer.Subject}\" ({crl.Source}), issued {crl.ThisUpdate:u}");
        }

        if (OcspChecker.Check(certificate, issuer, embedded.OcspResponses, validationTime, referenceTime) is { } ocsp)
        {
            return ocsp;
        }

        var reason = stale.Count > 0 ? string.Join("; ", stale) : $"no CRL or OCSP response from \"{issuer.Subject}\" covers \"{name}\"";
        return CertificateStatus.Unknown(reason);
    }
}

internal readonly record struct CertificateStatus(bool IsCovered, bool IsRevoked, string Detail)
{
    public static CertificateStatus Good(string detail) => new(true, false, detail);

    public static CertificateStatus Revoked(string detail) => new(true, true, detail);

    public static CertificateStatus Unknown(string detail) => new(false, false, detail);
}
