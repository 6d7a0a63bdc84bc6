using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Auth;

/// <summary>
/// Whether a session cookie or bearer token still speaks for its holder: the staff user still exists, is not disabled
/// and carries the same security stamp (roles, password, certificate and logout all change it), or the company's
/// account still carries the stamp. Checked on every request, so a change takes effect on the next one.
/// </summary>
internal static class SessionValidator
{
    public static async Task<string?> ProblemAsync(
        ClaimsPrincipal principal,
        ExchangeDbContext db,
        CancellationToken cancellationToken
    )
    {
        var caller = Caller.From(principal);
        if (caller is null)
        {
            return "the session names no organization";
        }

        if (caller.StaffUserId is { } staffId)
        {
            var user = await db
                .StaffUsers.AsNoTracking()
                .Where(u => u.Id == staffId)
                .Select(u => new
                {
                    u.SecurityStamp,
                    u.IsDisabled,
                    u.OrganizationId,
                })
                .FirstOrDefaultAsync(cancellationToken);
            return user is null || user.IsDisabled ? "the user is disabled or removed"
                : user.SecurityStamp != caller.SecurityStamp || user.OrganizationId != caller.OrganizationId
                    ? "the user's access changed; log in again"
                : null;
        }

        if (caller.AccountId is { } accountId)
        {
            var stamp = await db
                .Accounts.AsNoTracking()
                .Where(a => a.Id == accountId)
                .Select(a => a.SecurityStamp)
                .FirstOrDefaultAsync(cancellationToken);
            return stamp is null || stamp != caller.SecurityStamp ? "the session ended; log in again" : null;
        }

        return "the session names neither a user nor an account";
    }
}
