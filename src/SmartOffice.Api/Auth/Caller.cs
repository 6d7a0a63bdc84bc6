using System.Globalization;
using System.Security.Claims;
using SmartOffice.Exchange.Organizations;

namespace SmartOffice.Api.Auth;

/// <summary>Who is calling: an organization's account (certificate login) or one of its staff (with roles).</summary>
public sealed record Caller(
    Guid OrganizationId,
    string RegistryNumber,
    OrganizationKind Kind,
    Guid? AccountId,
    Guid? StaffUserId,
    IReadOnlyList<string> Roles
)
{
    public const string OrganizationClaim = "org";
    public const string RegistryNumberClaim = "reg";
    public const string KindClaim = "kind";
    public const string AccountClaim = "acct";
    public const string StaffClaim = "staff";
    public const string RoleClaim = "role";
    public const string StampClaim = "stamp";
    public const string LoginTimeClaim = "login_at";

    /// <summary>The user's or account's security stamp when the session or token was issued.</summary>
    public string? SecurityStamp { get; init; }

    /// <summary>Who, as the audit log names it.</summary>
    public string Actor =>
        StaffUserId is { } staff ? $"staff:{staff}"
        : AccountId is { } account ? $"account:{account}"
        : $"organization:{OrganizationId}";

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsAgency => Kind == OrganizationKind.Agency;

    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (
            !Guid.TryParse(principal.FindFirstValue(OrganizationClaim), out var organization)
            || principal.FindFirstValue(RegistryNumberClaim) is not { } registryNumber
        )
        {
            return null;
        }

        return new Caller(
            organization,
            registryNumber,
            Enum.TryParse<OrganizationKind>(principal.FindFirstValue(KindClaim), out var kind)
                ? kind
                : OrganizationKind.Company,
            Guid.TryParse(principal.FindFirstValue(AccountClaim), out var account) ? account : null,
            Guid.TryParse(principal.FindFirstValue(StaffClaim), out var staff) ? staff : null,
            [.. principal.FindAll(RoleClaim).Select(c => c.Value)]
        )
        {
            SecurityStamp = principal.FindFirstValue(StampClaim),
        };
    }

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(OrganizationClaim, OrganizationId.ToString());
        yield return new Claim(RegistryNumberClaim, RegistryNumber);
        yield return new Claim(KindClaim, Kind.ToString());
        yield return new Claim(
            "sub",
            (StaffUserId ?? AccountId ?? OrganizationId).ToString(null, CultureInfo.InvariantCulture)
        );
        if (AccountId is { } account)
        {
            yield return new Claim(AccountClaim, account.ToString());
        }

        if (StaffUserId is { } staff)
        {
            yield return new Claim(StaffClaim, staff.ToString());
        }

        foreach (var role in Roles)
        {
            yield return new Claim(RoleClaim, role);
        }

        if (SecurityStamp is not null)
        {
            yield return new Claim(StampClaim, SecurityStamp);
        }
    }
}
