namespace SmartOffice.Exchange.Accounts;

/// <summary>A workspace session ended by logout: its cookie is refused even if someone kept a copy.</summary>
public sealed class EndedSession
{
    public required string SessionId { get; set; }

    /// <summary>When the cookie would have expired anyway; the row can go after that.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
