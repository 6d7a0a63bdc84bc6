using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartOffice.Api.Errors;

/// <summary>RFC 9457 problem details with a stable machine-readable <c>code</c>: the API's form of a refusal.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(
        int status,
        string code,
        string title,
        string? detail = null,
        IDictionary<string, object?>? extensions = null
    )
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: $"https://smartoffice.mn/problems/{code}",
            extensions: all
        );
    }

    public static ProblemHttpResult NotFound(string what = "letter") => Refusal.NotFound(what).ToProblem();

    public static ProblemHttpResult Forbidden(string detail) => Refusal.Forbidden(detail).ToProblem();

    public static ProblemHttpResult Validation(string detail) => Refusal.Invalid(detail).ToProblem();

    public static ProblemHttpResult ToProblem(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Create(
            StatusOf(refusal.Kind),
            refusal.Code,
            refusal.Title,
            refusal.Detail,
            new Dictionary<string, object?>(refusal.Data)
        );
    }

    /// <summary>200 with the value, or the refusal as problem details.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOrProblem<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(outcome.Value);

    /// <summary>201 with the value and its address, or the refusal as problem details.</summary>
    public static Results<Created<T>, ProblemHttpResult> CreatedOrProblem<T>(
        this Outcome<T> outcome,
        Func<T, string> location
    )
    {
        ArgumentNullException.ThrowIfNull(location);
        return outcome.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created(location(outcome.Value!), outcome.Value);
    }

    /// <summary>204, or the refusal as problem details.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContentOrProblem(this Refusal? refusal) =>
        refusal is null ? TypedResults.NoContent() : refusal.ToProblem();

    public static int StatusOf(RefusalKind kind) =>
        kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.Unauthorized => StatusCodes.Status401Unauthorized,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            RefusalKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
}
