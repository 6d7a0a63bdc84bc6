using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Errors;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Auth;

/// <summary>
/// Finds or creates the one account of a certificate's organization. Concurrent first logins race on the
/// unique index; the loser reads the winner's account, so there is never a second one.
/// </summary>
internal sealed class AccountProvisioner(ExchangeDbContext db, TimeProvider time)
{
    public async Task<(Organization? Organization, Account? Account, Refusal? Refusal)> ResolveAsync(
        SignerDetails signer,
        X509Certificate2 certificate,
        CancellationToken cancellationToken
    )
    {
        var registryNumber = signer.RegistryNumber!;
        var organization = await db.Organizations.FirstOrDefaultAsync(
            o => o.RegistryNumber == registryNumber,
            cancellationToken
        );
        if (organization is null)
        {
            // Companies join by logging in; agencies come from the directory only.
            organization = new Organization
            {
                RegistryNumber = registryNumber,
                CreatedAt = time.GetUtcNow(),
                Name = signer.OrganizationName ?? signer.Subject,
                Kind = OrganizationKind.Company,
            };
            db.Organizations.Add(organization);
            if (!await TrySaveAsync(cancellationToken))
            {
                organization = await db.Organizations.SingleAsync(
                    o => o.RegistryNumber == registryNumber,
                    cancellationToken
                );
            }
        }

        if (organization.Kind != OrganizationKind.Company)
        {
            // Agencies have no organization-level account: their staff log in as themselves.
            return (
                null,
                null,
                CertificateLogin.Unauthorized(
                    $"The certificate belongs to the agency {registryNumber}: agency certificates log in only as "
                        + $"the staff member an agency admin bound them to."
                )
            );
        }

        if (organization.Status != OrganizationStatus.Active)
        {
            return (
                null,
                null,
                Refusal.Forbidden(
                    $"The organization {registryNumber} is {organization.Status.ToString().ToLowerInvariant()} in "
                        + $"the directory."
                )
            );
        }

        var account = await db.Accounts.FirstOrDefaultAsync(
            a => a.OrganizationId == organization.Id,
            cancellationToken
        );
        if (account is null)
        {
            account = new Account
            {
                OrganizationId = organization.Id,
                RegistryNumber = registryNumber,
                CreatedAt = time.GetUtcNow(),
            };
            db.Accounts.Add(account);
            if (!await TrySaveAsync(cancellationToken))
            {
                account = await db.Accounts.SingleAsync(a => a.OrganizationId == organization.Id, cancellationToken);
            }
        }

        await RememberCertificateAsync(account, certificate, cancellationToken);
        return (organization, account, null);
    }

    private async Task RememberCertificateAsync(
        Account account,
        X509Certificate2 certificate,
        CancellationToken cancellationToken
    )
    {
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var now = time.GetUtcNow();
        var updated = await db
            .AccountCertificates.Where(c => c.Thumbprint == thumbprint)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAt, now), cancellationToken);
        if (updated == 0)
        {
            db.AccountCertificates.Add(
                new AccountCertificate
                {
                    AccountId = account.Id,
                    Thumbprint = thumbprint,
                    Subject = certificate.Subject,
                    Issuer = certificate.Issuer,
                    NotAfter = new DateTimeOffset(certificate.NotAfter).ToUniversalTime(),
                    FirstSeenAt = now,
                    LastSeenAt = now,
                }
            );
            await TrySaveAsync(cancellationToken);
        }
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
