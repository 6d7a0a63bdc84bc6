using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing;

/// <summary>
/// Whether the signer's certificate is meant for signing letters, and which profile reads its organization.
/// </summary>
internal sealed partial class ValidationRun
{
    private const string TimeStampingUsage = "1.3.6.1.5.5.7.3.8";
    private const string OcspSigningUsage = "1.3.6.1.5.5.7.3.9";

    private OrganizationIdentifierProfile DefaultProfile =>
        new()
        {
            Oid = _options.OrganizationIdentifierOid,
            Pattern = OrganizationIdentifier.DefaultPattern(_options.OrganizationIdentifierCountry),
        };

    private OrganizationIdentifierProfile ProfileFor(X509Certificate2 anchor)
    {
        var thumbprint = anchor.GetCertHashString(HashAlgorithmName.SHA256);
        return _options.OrganizationIdentifierProfiles.FirstOrDefault(p =>
            string.Equals(
                p.AnchorThumbprint.Replace(":", "", StringComparison.Ordinal),
                thumbprint,
                StringComparison.OrdinalIgnoreCase
            )
        ) ?? DefaultProfile;
    }

    private static string Describe(OrganizationIdentifierProfile profile) => $"{profile.Pattern} (OID {profile.Oid})";

    // The service's own seal, a timestamp authority or an OCSP responder signs for the system, never as a company.
    private Refusal? CheckPurpose(X509Certificate2 certificate)
    {
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (
            !_request.AcceptServiceSeal
            && _options.RefusedSignerThumbprints.Any(t =>
                string.Equals(
                    t.Replace(":", "", StringComparison.Ordinal),
                    thumbprint,
                    StringComparison.OrdinalIgnoreCase
                )
            )
        )
        {
            return Refusals.Usage(
                $"\"{certificate.Subject}\" is a certificate of the service itself (its evidence seal), which never "
                    + $"signs letters"
            );
        }

        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is not { } usage)
        {
            return null;
        }

        var usages = usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToList();
        if (usages.Contains(TimeStampingUsage) || usages.Contains(OcspSigningUsage))
        {
            return Refusals.Usage(
                $"\"{certificate.Subject}\" is a timestamp authority's or OCSP responder's certificate, which never "
                    + $"signs letters"
            );
        }

        return usages.Any(u => _options.AcceptedExtendedKeyUsages.Contains(u, StringComparer.Ordinal))
            ? null
            : Refusals.Usage(
                $"the extended key usage of \"{certificate.Subject}\" ({string.Join(", ", usages)}) does not "
                    + $"include signing documents"
            );
    }
}
