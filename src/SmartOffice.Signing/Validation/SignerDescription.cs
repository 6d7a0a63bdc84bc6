using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing;

/// <summary>Turns a signing certificate into the report's <see cref="SignerDetails"/>.</summary>
internal static class SignerDescription
{
    public static SignerDetails Describe(X509Certificate2 certificate, OrganizationIdentifierProfile profile)
    {
        var organizationId = OrganizationIdentifier.Read(certificate, profile.Oid);
        return new SignerDetails
        {
            Subject = certificate.Subject,
            OrganizationId = organizationId,
            RegistryNumber = OrganizationIdentifier.ToRegistryNumber(organizationId, profile),
            OrganizationName = OrganizationIdentifier.ReadOrganizationName(certificate),
            SerialNumber = certificate.SerialNumber,
            Issuer = certificate.Issuer,
            NotBefore = new DateTimeOffset(certificate.NotBefore).ToUniversalTime(),
            NotAfter = new DateTimeOffset(certificate.NotAfter).ToUniversalTime(),
            Thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
        };
    }
}
