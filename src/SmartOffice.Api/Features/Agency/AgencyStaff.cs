using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Agency;

public sealed record StaffUserItem(
    Guid Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool HasPassword,
    string? CertificateThumbprint,
    bool IsDisabled
);

/// <summary>
/// <paramref name="Certificate"/> (PEM, or base64 DER) binds the member's own login certificate, which must be issued
/// to the agency; <paramref name="CertificateThumbprint"/> "" removes it (a typed thumbprint cannot be checked, so it
/// is refused).
/// </summary>
public sealed record SaveStaffUserRequest(
    string? UserName,
    string? DisplayName,
    IReadOnlyList<string>? Roles,
    string? Password,
    string? CertificateThumbprint,
    bool? IsDisabled,
    string? Certificate = null
);

/// <summary>
/// The agency admin manages the agency's own staff: roles, passwords (hashed with Identity's hasher), login
/// certificates.
/// </summary>
internal sealed class AgencyStaff(ExchangeDbContext db, TimeProvider time)
{
    private const int MinimumPasswordLength = 10;

    public async Task<List<StaffUserItem>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var users = await db
            .StaffUsers.AsNoTracking()
            .Where(u => u.OrganizationId == caller.OrganizationId)
            .OrderBy(u => u.UserName)
            .ToListAsync(cancellationToken);
        return [.. users.Where(u => !u.HasRole(StaffRoles.ServiceAdmin)).Select(ToItem)];
    }

    public async Task<Outcome<StaffUserItem>> CreateAsync(
        Caller caller,
        SaveStaffUserRequest request,
        CancellationToken cancellationToken
    )
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return Refusal.Invalid("userName and displayName are required.").Says("refusal.staff.namesRequired");
        }

        if (TextRules.HasBidiControl(request.UserName) || TextRules.HasBidiControl(request.DisplayName))
        {
            return Refusal
                .Invalid("names may not contain bidirectional control characters (U+202A–202E, U+2066–2069).")
                .Says("refusal.text.bidi");
        }

        var user = new StaffUser
        {
            OrganizationId = caller.OrganizationId,
            UserName = request.UserName.Trim(),
            CreatedAt = time.GetUtcNow(),
            DisplayName = request.DisplayName.Trim(),
        };
        if (await ApplyAsync(user, request, caller.RegistryNumber, cancellationToken) is { } problem)
        {
            return problem;
        }

        db.StaffUsers.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return new Refusal(
                RefusalKind.Conflict,
                RefusalCodes.Validation,
                "User name taken",
                $"The user name {user.UserName} is already used."
            ).Says("refusal.staff.userNameTaken", user.UserName);
        }

        return ToItem(user);
    }

    public async Task<Outcome<StaffUserItem>> UpdateAsync(
        Caller caller,
        Guid id,
        SaveStaffUserRequest request,
        CancellationToken cancellationToken
    )
    {
        var user = await db.StaffUsers.FirstOrDefaultAsync(
            u => u.Id == id && u.OrganizationId == caller.OrganizationId,
            cancellationToken
        );
        // Service administrators belong to no agency: an agency admin neither sees nor changes them.
        if (user is null || user.HasRole(StaffRoles.ServiceAdmin))
        {
            return Refusal.NotFound("user");
        }

        // An admin cannot lock themself out: the agency would be left without anyone to undo it.
        if (
            user.Id == caller.StaffUserId
            && (
                request.IsDisabled == true
                || request.Roles is { } roles && !roles.Contains(StaffRoles.Admin, StringComparer.Ordinal)
            )
        )
        {
            return Refusal
                .Invalid("you cannot disable yourself or remove your own admin role; ask another admin")
                .Says("refusal.staff.notSelf");
        }

        if (TextRules.HasBidiControl(request.DisplayName))
        {
            return Refusal
                .Invalid("names may not contain bidirectional control characters (U+202A–202E, U+2066–2069).")
                .Says("refusal.text.bidi");
        }

        if (!string.IsNullOrWhiteSpace(request.DisplayName))
        {
            user.DisplayName = request.DisplayName.Trim();
        }

        if (await ApplyAsync(user, request, caller.RegistryNumber, cancellationToken) is { } problem)
        {
            return problem;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return StaffCertificates.CertificateTaken;
        }

        return ToItem(user);
    }

    private async Task<Refusal?> ApplyAsync(
        StaffUser user,
        SaveStaffUserRequest request,
        string agencyRegistryNumber,
        CancellationToken cancellationToken
    )
    {
        var before = (user.Roles, user.PasswordHash, user.CertificateThumbprint, user.IsDisabled);
        if (request.Roles is not null)
        {
            var unknown = request
                .Roles.Where(r => !StaffRoles.All.Contains(r, StringComparer.Ordinal) || r == StaffRoles.ServiceAdmin)
                .ToList();
            if (unknown.Count > 0)
            {
                return Refusal
                    .Invalid($"unknown or not grantable roles: {string.Join(", ", unknown)}")
                    .Says("refusal.staff.roles", string.Join(", ", unknown));
            }

            user.Roles = string.Join(',', request.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        if (request.Password is not null)
        {
            if (request.Password.Length < MinimumPasswordLength)
            {
                return Refusal
                    .Invalid($"a password needs at least {MinimumPasswordLength} characters")
                    .Says("refusal.staff.password", MinimumPasswordLength);
            }

            user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, request.Password);
        }

        if (!string.IsNullOrWhiteSpace(request.Certificate))
        {
            if (
                await StaffCertificates.BindAsync(
                    user,
                    request.Certificate,
                    agencyRegistryNumber,
                    db,
                    cancellationToken
                ) is
                { } refused
            )
            {
                return refused;
            }
        }
        else if (request.CertificateThumbprint is not null && string.IsNullOrWhiteSpace(request.CertificateThumbprint))
        {
            // Empty: the staff member no longer logs in with a certificate (null leaves it as it is).
            user.CertificateThumbprint = null;
        }
        else if (
            request.CertificateThumbprint is not null
            && !string.Equals(
                request.CertificateThumbprint.Trim(),
                user.CertificateThumbprint,
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            return Refusal
                .Invalid(
                    "bind a login certificate by uploading it (field certificate), so that its organization can be "
                        + "checked"
                )
                .Says("refusal.staff.certificateUpload");
        }

        if (request.IsDisabled is { } disabled)
        {
            user.IsDisabled = disabled;
        }

        // Any change of access ends the user's sessions and tokens on their next request.
        if (before != (user.Roles, user.PasswordHash, user.CertificateThumbprint, user.IsDisabled))
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        return null;
    }

    private static StaffUserItem ToItem(StaffUser user) =>
        new(
            user.Id,
            user.UserName,
            user.DisplayName,
            [.. user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            user.PasswordHash is not null,
            user.CertificateThumbprint,
            user.IsDisabled
        );
}
