namespace SmartOffice.Exchange.Accounts;

/// <summary>A login nonce: single use (UsedAt set atomically), short-lived.</summary>
public sealed class AuthChallenge
{
    public required string Nonce { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
