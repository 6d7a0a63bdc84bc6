namespace SmartOffice.Api.Errors;

/// <summary>API problem codes (DESIGN.md, contract) beyond the validation codes.</summary>
public static class ProblemCodes
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
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>Bare status codes (unknown route, wrong method, unreadable body) still get a stable code.</summary>
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails.Extensions.ContainsKey("code"))
        {
            return;
        }

        context.ProblemDetails.Extensions["code"] = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => Validation,
            StatusCodes.Status401Unauthorized => Unauthorized,
            StatusCodes.Status403Forbidden => Forbidden,
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => SmartOffice.Signing.ValidationCodes.FileTooLarge,
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => RateLimited,
            _ => Internal,
        };
    }
}
