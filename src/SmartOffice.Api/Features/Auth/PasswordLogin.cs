using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Auth;

/// <summary>
/// Agency staff log in with a password: throttled per user and per client address, one answer for every failure.
/// </summary>
internal static class PasswordLogin
{
    public static async Task<LoginOutcome> AuthenticateAsync(
        PasswordLoginRequest request,
        string address,
        ExchangeDbContext db,
        PasswordThrottle throttle,
        CancellationToken cancellationToken
    )
    {
        if (throttle.IsAddressBlocked(address))
        {
            return new Refusal(
                RefusalKind.TooManyRequests,
                RefusalCodes.RateLimited,
                "Too many failed logins",
                "Too many wrong passwords from this address. Wait 15 minutes, or log in with your certificate."
            );
        }

        var user = string.IsNullOrWhiteSpace(request.UserName)
            ? null
            : await db.StaffUsers.FirstOrDefaultAsync(u => u.UserName == request.UserName.Trim(), cancellationToken);
        var isLocked = user is not null && throttle.IsLocked(user);
        var isRight = PasswordThrottle.Verify(user, request.Password);
        if (user is null || user.IsDisabled || isLocked || !isRight)
        {
            throttle.AddressFailed(address);
            if (user is not null && !isLocked && !isRight)
            {
                throttle.Failed(user);
                await db.SaveChangesAsync(cancellationToken);
            }

            // The same answer for every reason: whether a user exists, is disabled or waits is not for a guesser to
            // learn.
            return CertificateLogin.Unauthorized(
                "The user name or password is wrong, or the account must wait after several wrong passwords."
            );
        }

        if (user.FailedLogins > 0)
        {
            PasswordThrottle.Succeeded(user);
            await db.SaveChangesAsync(cancellationToken);
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == user.OrganizationId, cancellationToken);
        return new LoginOutcome(StaffCaller(user, organization), organization, user.DisplayName, null);
    }

    internal static Caller StaffCaller(StaffUser user, Exchange.Organizations.Organization organization) =>
        new(
            organization.Id,
            organization.RegistryNumber,
            organization.Kind,
            null,
            user.Id,
            [.. user.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
        )
        {
            SecurityStamp = user.SecurityStamp,
        };
}
