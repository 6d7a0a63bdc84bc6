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
    public const string RateLimited = "rate_limited";
    public const string Validation = "validation";
    public const string Internal = "internal_error";
}
