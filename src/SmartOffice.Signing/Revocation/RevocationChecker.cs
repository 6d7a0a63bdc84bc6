using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Trust;

namespace SmartOffice.Signing.Revocation;

/// <summary>
/// Decides whether any certificate of a chain is revoked, as EN 319 102-1 and EU DSS do. Per issuer only
/// authentic CRLs count. Data the service holds (configured, fetched, uploaded) counts while current at the
/// validation time; data the letter carries (DSS, CMS) counts only when issued after the signature. A serial
/// listed in any authentic CRL is revoked (a later CRL cannot undo a revocation, only a certificate hold);
/// the newest complete CRL proves a certificate good. Revoked after a trusted timestamp is tolerated only for
/// reasons that do not put earlier signatures in doubt.
/// </summary>
internal static class RevocationChecker
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static RevocationOutcome Check(
        IReadOnlyList<X509Certificate2> chain,
        TrustMaterial trust,
        RevocationEvidence embedded,
        RevocationTimes times,
        TimeSpan gracePeriod
    )
    {
        var warnings = new List<string>();
        string? signerDetail = null;
        for (var index = 0; index < chain.Count - 1; index++)
        {
            var status = CheckOne(chain[index], chain[index + 1], trust, embedded, times, gracePeriod, warnings);
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
        X509Certificate2 certificate,
        X509Certificate2 issuer,
        TrustMaterial trust,
        RevocationEvidence embedded,
        RevocationTimes times,
        TimeSpan gracePeriod,
        List<string> warnings
    )
    {
        var name = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var serial = certificate.SerialNumberBytes.ToArray();
        var held = trust.Crls.Where(c => c.IsSignedBy(issuer)).ToList();
        var carried = embedded.Crls.Where(c => c.IsSignedBy(issuer)).ToList();
        var usable = held.Where(c =>
                c.ThisUpdate <= times.Validation + ClockSkew
                && (c.NextUpdate is null || times.Validation < c.NextUpdate.Value + gracePeriod)
            )
            .Concat(carried.Where(c => c.ThisUpdate >= times.Signature && c.ThisUpdate <= times.Validation + ClockSkew))
            .ToList();
        var newest = usable
            .Where(c => c.IsComplete)
            .Aggregate((CrlEntry?)null, (best, c) => best is null || c.IsNewerThan(best) ? c : best);

        foreach (var crl in held.Concat(carried))
        {
            if (!crl.TryGetRevocation(serial, out var revocation) || revocation.Reason == Revocation.RemoveFromCrl)
            {
                continue;
            }

            // A hold can be released: only a current CRL at least as new as the newest one keeps it.
            if (
                revocation.Reason == Revocation.CertificateHold
                && (!usable.Contains(crl) || (newest is not null && newest.IsNewerThan(crl)))
            )
            {
                continue;
            }

            var judged = Judge(certificate, issuer, revocation, times);
            if (judged.IsRevoked)
            {
                return judged;
            }

            warnings.Add(judged.Detail);
        }

        if (newest is not null)
        {
            return CertificateStatus.Good(
                $"\"{name}\" is not revoked according to the CRL of \"{issuer.Subject}\" ({newest.Source}), issued "
                    + $"{newest.ThisUpdate:u}"
            );
        }

        switch (OcspChecker.Check(certificate, issuer, embedded.OcspResponses, times))
        {
            case { Revocation: { } revoked }:
                var judged = Judge(certificate, issuer, revoked, times);
                if (!judged.IsRevoked)
                {
                    warnings.Add(judged.Detail);
                }

                return judged;
            case { GoodDetail: { } good }:
                return CertificateStatus.Good(good);
        }

        return CertificateStatus.Unknown(WhyUnknown(name, issuer, held, carried, usable, times));
    }

    private static CertificateStatus Judge(
        X509Certificate2 certificate,
        X509Certificate2 issuer,
        Revocation revocation,
        RevocationTimes times
    )
    {
        var what =
            $"the certificate \"{certificate.Subject}\" (serial {certificate.SerialNumber}) was revoked on "
            + $"{revocation.RevokedAt:u} ({revocation.ReasonName}) according to {revocation.Source} of "
            + $"\"{issuer.Subject}\"";
        if (revocation.RevokedAt <= times.Reference)
        {
            return CertificateStatus.Revoked(what);
        }

        if (revocation.InvalidityDate is { } invalid && invalid <= times.Reference)
        {
            return CertificateStatus.Revoked(
                $"{what}; its key was unsafe from {invalid:u}, before the signature's time {times.Reference:u}"
            );
        }

        return
            revocation.Reason
                is Revocation.Superseded
                    or Revocation.AffiliationChanged
                    or Revocation.CessationOfOperation
            ? CertificateStatus.Good(
                $"{what}, after the trusted timestamp of {times.Reference:u}; "
                    + "the reason leaves earlier signatures valid"
            )
            : CertificateStatus.Revoked(
                $"{what}, after the trusted timestamp of {times.Reference:u}, but for a reason "
                    + $"({revocation.ReasonName}) that puts earlier signatures in doubt"
            );
    }

    private static string WhyUnknown(
        string name,
        X509Certificate2 issuer,
        List<CrlEntry> held,
        List<CrlEntry> carried,
        List<CrlEntry> usable,
        RevocationTimes times
    )
    {
        var reasons = new List<string>();
        if (held.Any(c => !usable.Contains(c)))
        {
            var latest = held.MaxBy(c => c.ThisUpdate)!;
            reasons.Add(
                $"the service's CRL of \"{issuer.Subject}\" is out of date (next update was due {latest.NextUpdate:u})"
            );
        }

        if (carried.Any(c => !usable.Contains(c)))
        {
            reasons.Add(
                $"the CRL the letter carries was issued before the signature ({times.Signature:u}), so it proves "
                    + $"nothing about it"
            );
        }

        if (usable.Count > 0)
        {
            reasons.Add("only delta or partitioned CRLs are available, which cannot prove a certificate good");
        }

        return reasons.Count > 0
            ? $"no current CRL or OCSP response covers \"{name}\": {string.Join("; ", reasons)}"
            : $"no CRL or OCSP response from \"{issuer.Subject}\" covers \"{name}\"";
    }
}

internal readonly record struct CertificateStatus(bool IsCovered, bool IsRevoked, string Detail)
{
    public static CertificateStatus Good(string detail) => new(true, false, detail);

    public static CertificateStatus Revoked(string detail) => new(true, true, detail);

    public static CertificateStatus Unknown(string detail) => new(false, false, detail);
}
