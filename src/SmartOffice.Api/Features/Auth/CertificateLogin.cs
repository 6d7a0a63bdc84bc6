using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Auth;

/// <summary>
/// Login with a signing certificate: the nonce (single use, unexpired) signed as detached CMS, the certificate
/// checked with the same rules as a letter's signer. Agency staff are found by their certificate; a company
/// reaches its one account (created on its first login).
/// </summary>
internal static class CertificateLogin
{
    /// <summary>
    /// Checks a signed challenge; the API answers with a bearer token, the workspace with a session cookie.
    /// </summary>
    public static async Task<LoginOutcome> AuthenticateAsync(
        TokenRequest request,
        ExchangeDbContext db,
        PdfSignatureValidator validator,
        AccountProvisioner accounts,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        if (string.IsNullOrEmpty(request.Nonce) || string.IsNullOrEmpty(request.Signature))
        {
            return Refusal.Invalid("nonce and signature are required");
        }

        var now = time.GetUtcNow();
        var consumed = await db
            .AuthChallenges.Where(c => c.Nonce == request.Nonce && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (consumed != 1)
        {
            return Unauthorized("The challenge is unknown, already used or expired: ask for a new one.");
        }

        SignedCms cms;
        try
        {
            cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(request.Nonce)), detached: true);
            cms.Decode(Convert.FromBase64String(request.Signature));
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return Unauthorized("The signature over the challenge does not verify.");
        }

        var certificate = cms.SignerInfos.Count == 1 ? cms.SignerInfos[0].Certificate : null;
        if (certificate is null)
        {
            return Unauthorized("The signature must carry exactly one signer with its certificate.");
        }

        var report = validator.ValidateCertificate(certificate, [.. cms.Certificates]);
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var staff = await db.StaffUsers.FirstOrDefaultAsync(
            u => u.CertificateThumbprint == thumbprint,
            cancellationToken
        );
        if (!report.Accepted)
        {
            return new Refusal(RefusalKind.Unauthorized, report.Code, "The certificate is not accepted", report.Message)
            {
                Data = new Dictionary<string, object?> { ["report"] = report },
            };
        }

        if (staff is not null)
        {
            // A disabled member is out, and never falls through to an account of the organization.
            var agency = await db.Organizations.SingleAsync(o => o.Id == staff.OrganizationId, cancellationToken);
            if (staff.IsDisabled || agency.RegistryNumber != report.Signer!.RegistryNumber)
            {
                return Unauthorized(
                    "This certificate's user is disabled, or the certificate is not issued to the user's agency."
                );
            }

            return new LoginOutcome(PasswordLogin.StaffCaller(staff, agency), agency, staff.DisplayName, null);
        }

        var (organization, account, refusal) = await accounts.ResolveAsync(
            report.Signer!,
            certificate,
            cancellationToken
        );
        if (refusal is not null)
        {
            return refusal;
        }

        var caller = new Caller(organization!.Id, organization.RegistryNumber, organization.Kind, account!.Id, null, [])
        {
            SecurityStamp = account.SecurityStamp,
        };
        return new LoginOutcome(caller, organization, organization.Name, null);
    }

    public static TokenResponse Respond(TokenIssuer tokens, Caller caller, Organization organization)
    {
        var (token, expires) = tokens.Issue(caller);
        return new TokenResponse(
            token,
            "Bearer",
            expires,
            new OrganizationSummary(organization.RegistryNumber, organization.Name, organization.Kind.ToString()),
            caller.Roles
        );
    }

    internal static Refusal Unauthorized(string detail) =>
        new(RefusalKind.Unauthorized, RefusalCodes.Unauthorized, "Login failed", detail);
}

/// <summary>Who logged in (and as whom to show them), or why not.</summary>
public sealed record LoginOutcome(Caller? Caller, Organization? Organization, string? DisplayName, Refusal? Refusal)
{
#pragma warning disable CA2225 // A refusal is the only other way a login ends.
    public static implicit operator LoginOutcome(Refusal refusal) => new(null, null, null, refusal);
#pragma warning restore CA2225
}
