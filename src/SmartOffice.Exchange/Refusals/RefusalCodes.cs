namespace SmartOffice.Exchange.Refusals;

/// <summary>
/// Stable refusal codes (docs/design.md, HTTP contract) beyond the validation codes of SmartOffice.Signing.
/// </summary>
public static class RefusalCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string AccountExists = "account_exists";
    public const string AccountSuspended = "account_suspended";
    public const string RecipientUnknown = "recipient_unknown";
    public const string DuplicateLetter = "duplicate_letter";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string ServiceUnavailable = "service_unavailable";
    public const string StorageFull = "storage_full";
    public const string RateLimited = "rate_limited";
    public const string Validation = "validation";
    public const string Internal = "internal_error";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InvalidState = "invalid_state";
    public const string UnsupportedMediaType = "unsupported_media_type";
}
