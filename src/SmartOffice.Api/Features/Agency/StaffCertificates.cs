using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Agency;

/// <summary>
/// Binds a staff member's own login certificate: only one issued to the agency itself (its organizationIdentifier
/// names the agency's registry number), and one certificate per user, so a company's certificate can never be made to
/// log in as agency staff.
/// </summary>
internal static class StaffCertificates
{
    public static readonly Refusal CertificateTaken = new Refusal(
        RefusalKind.Conflict,
        RefusalCodes.Validation,
        "Certificate taken",
        "This certificate is already bound to another user."
    ).Says("refusal.staff.certificateTaken");

    public static async Task<Refusal?> BindAsync(
        StaffUser user,
        string encoded,
        string agencyRegistryNumber,
        ExchangeDbContext db,
        CancellationToken cancellationToken
    )
    {
        X509Certificate2 certificate;
        try
        {
            certificate = encoded.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(encoded)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(encoded.Trim()));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            return Refusal
                .Invalid("certificate must be an X.509 certificate, PEM or base64 DER")
                .Says("refusal.staff.certificateFormat");
        }

        using (certificate)
        {
            var registryNumber = OrganizationIdentifier.ToRegistryNumber(OrganizationIdentifier.Read(certificate));
            if (registryNumber != agencyRegistryNumber)
            {
                return Refusal
                    .Invalid(
                        $"the certificate is issued to {registryNumber ?? "no organization"}, not to this agency "
                            + $"({agencyRegistryNumber})"
                    )
                    .Says("refusal.staff.certificateAgency", registryNumber ?? "—", agencyRegistryNumber);
            }

            var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            if (
                await db.StaffUsers.AnyAsync(
                    u => u.CertificateThumbprint == thumbprint && u.Id != user.Id,
                    cancellationToken
                )
            )
            {
                return CertificateTaken;
            }

            user.CertificateThumbprint = thumbprint;
            return null;
        }
    }
}
