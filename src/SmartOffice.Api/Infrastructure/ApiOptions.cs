namespace SmartOffice.Api.Infrastructure;

/// <summary>Login and tokens (section "Auth").</summary>
public sealed record AuthOptions
{
    public const string SectionName = "Auth";

    public int TokenLifetimeMinutes { get; init; } = 30;

    public int ChallengeLifetimeSeconds { get; init; } = 300;

    /// <summary>Base64 HMAC key for bearer tokens; the embedded default generates one under the data folder.</summary>
    public string? SigningKey { get; init; }

    public string Issuer { get; init; } = "smartoffice";
}

/// <summary>Anti-advertising limits (section "Limits").</summary>
public sealed record LimitsOptions
{
    public const string SectionName = "Limits";

    public int MaxRecipients { get; init; } = 50;

    /// <summary>Attachments one letter may carry (each a signed PDF within Signing:MaxFileBytes).</summary>
    public int MaxAttachments { get; init; } = 10;

    /// <summary>The attachments of one letter together, in bytes.</summary>
    public long MaxAttachmentBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Letters one account may submit per window.</summary>
    public int SubmissionsPerWindow { get; init; } = 600;

    public int WindowSeconds { get; init; } = 60;

    /// <summary>The same document to the same recipients within this many hours is a duplicate.</summary>
    public int DuplicateWindowHours { get; init; } = 24;

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public int IdempotencyKeyHours { get; init; } = 72;

    /// <summary>
    /// Wrong passwords one client address (an IPv6 /64) may send in 15 minutes before its logins are refused.
    /// </summary>
    public int PasswordFailuresPerAddress { get; init; } = 20;

    /// <summary>Largest file the public /verify page checks for someone not logged in.</summary>
    public long AnonymousVerifyBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Verifications the public page runs at once; more wait briefly, then get 503 with Retry-After.</summary>
    public int VerifyConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);
}
