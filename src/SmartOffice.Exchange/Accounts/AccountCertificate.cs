namespace SmartOffice.Exchange.Accounts;

/// <summary>
/// A signing certificate that has logged in to an account (any certificate of the same company reaches the same
/// account).
/// </summary>
public sealed class AccountCertificate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AccountId { get; set; }

    /// <summary>SHA-256 thumbprint of the certificate, upper-case hex.</summary>
    public required string Thumbprint { get; set; }

    public required string Subject { get; set; }

    public required string Issuer { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    public required DateTimeOffset FirstSeenAt { get; set; }

    public required DateTimeOffset LastSeenAt { get; set; }
}
