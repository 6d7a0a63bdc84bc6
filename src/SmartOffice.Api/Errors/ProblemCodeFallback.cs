using SmartOffice.Exchange.Refusals;

namespace SmartOffice.Api.Errors;

/// <summary>Every problem the API answers carries a stable <c>code</c>, bare status codes included.</summary>
public static class ProblemCodeFallback
{
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
            StatusCodes.Status400BadRequest => RefusalCodes.Validation,
            StatusCodes.Status401Unauthorized => RefusalCodes.Unauthorized,
            StatusCodes.Status403Forbidden => RefusalCodes.Forbidden,
            StatusCodes.Status404NotFound => RefusalCodes.NotFound,
            StatusCodes.Status405MethodNotAllowed => RefusalCodes.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => SmartOffice.Signing.ValidationCodes.FileTooLarge,
            StatusCodes.Status415UnsupportedMediaType => RefusalCodes.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => RefusalCodes.RateLimited,
            _ => RefusalCodes.Internal,
        };
    }
}
