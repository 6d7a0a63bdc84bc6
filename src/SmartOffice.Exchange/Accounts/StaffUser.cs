namespace SmartOffice.Exchange.Accounts;

/// <summary>
/// A person working for an agency (registrar, executor, head, admin) or an administrator of the service.
/// </summary>
public sealed class StaffUser
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    /// <summary>Login name, unique across the service.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Comma-separated <see cref="StaffRoles"/>.</summary>
    public string Roles { get; set; } = StaffRoles.Registrar;

    /// <summary>ASP.NET Core Identity password hash; null for certificate-only users.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>SHA-256 thumbprint of the user's own signing certificate, when they log in with one.</summary>
    public string? CertificateThumbprint { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>
    /// Wrong passwords since the last successful login; past a few, logins wait until <see cref="LockedUntil"/>.
    /// </summary>
    public int FailedLogins { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>
    /// Changes whenever the user's access changes (disabled, roles, password, certificate, logout): sessions and tokens
    /// carrying an older stamp end on their next request.
    /// </summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public required DateTimeOffset CreatedAt { get; set; }

    public bool HasRole(string role) =>
        Roles
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(role, StringComparer.Ordinal);
}

/// <summary>Roles of agency staff.</summary>
public static class StaffRoles
{
    public const string Registrar = "registrar";
    public const string Executor = "executor";
    public const string Head = "head";
    public const string Admin = "admin";

    /// <summary>Exports the agency's letters for the state archive.</summary>
    public const string Archivist = "archivist";

    /// <summary>A service administrator (trust list, suspensions), not bound to one agency's letters.</summary>
    public const string ServiceAdmin = "service-admin";

    public static readonly IReadOnlyList<string> All = [Registrar, Executor, Head, Admin, Archivist, ServiceAdmin];
}
