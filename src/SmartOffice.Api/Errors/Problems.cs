using Microsoft.AspNetCore.Http.HttpResults;
using SmartOffice.Signing;

namespace SmartOffice.Api.Errors;

/// <summary>RFC 9457 problem details with a stable machine-readable <c>code</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, type: $"https://smartoffice.mn/problems/{code}", extensions: all);
    }

    public static ProblemHttpResult NotFound(string what = "letter") =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found", $"No {what} with this id is visible to you.");

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Validation(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.Validation, "The request is not valid", detail);

    public static ProblemHttpResult Rejected(ValidationReport report)
    {
        var status = report.Code == ValidationCodes.FileTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
        return Create(status, report.Code, "The letter was refused", report.Message, new Dictionary<string, object?> { ["messageMn"] = report.MessageMn, ["report"] = report });
    }
}
