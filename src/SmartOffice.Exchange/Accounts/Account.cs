namespace SmartOffice.Exchange.Accounts;

/// <summary>
/// The one account of an organization on the exchange. A unique index on <see cref="OrganizationId"/> is
/// the truth for "one account per company"; a second insert fails and is answered account_exists.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public required string RegistryNumber { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by an administrator: the account may read but not send.</summary>
    public bool IsSuspended { get; set; }

    /// <summary>Raised when a recipient reports a letter as advertising or abuse.</summary>
    public bool IsFlagged { get; set; }

    public string? FlagReason { get; set; }

    /// <summary>
    /// Changes on logout and suspension: sessions and tokens carrying an older stamp end on their next request.
    /// </summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<AccountCertificate> Certificates { get; set; } = [];
}
