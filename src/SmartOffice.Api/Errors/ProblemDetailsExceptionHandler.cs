using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using SmartOffice.Exchange.Faults;
using SmartOffice.Exchange.Persistence;
using SmartOffice.LetterDelivery;

namespace SmartOffice.Api.Errors;

/// <summary>Turns the unexpected into problem details with a code and a trace id, never a stack trace.</summary>
internal sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger
) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        var (status, code, title, detail) = exception switch
        {
            // EF wraps what fails while saving (DbUpdateException); the guard's refusal is still about the caller's
            // input.
            _ when Find<NulCharacterException>(exception) is not null => (
                400,
                RefusalCodes.Validation,
                "The request is not valid",
                "Text must not contain the NUL character (U+0000)."
            ),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => (
                413,
                SmartOffice.Signing.ValidationCodes.FileTooLarge,
                "The file is too large",
                null
            ),
            // Their messages name the parameter or the limit, never a secret.
            BadHttpRequestException or InvalidDataException => (
                400,
                RefusalCodes.Validation,
                "The request is not valid",
                exception.Message
            ),
            FormatException => (400, RefusalCodes.Validation, "The request is not valid", null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (
                499,
                "cancelled",
                "The request was cancelled",
                null
            ),
            // Infrastructure faults are not bugs: say what happened and that trying again is safe.
            _ when TransientFaults.IsDiskFull(exception) => (
                507,
                RefusalCodes.StorageFull,
                "The service's storage is full",
                NotStored
            ),
            _ when TransientFaults.IsDatabaseUnreachable(exception) => (
                503,
                RefusalCodes.ServiceUnavailable,
                "The database is unreachable",
                NotStored
            ),
            _ => (500, RefusalCodes.Internal, "Something went wrong on our side", (string?)null),
        };
        if (status == 500)
        {
            logger.LogError(
                exception,
                "Unhandled exception for {Method} {Path}",
                httpContext.Request.Method,
                httpContext.Request.Path
            );
        }

        if (status is 503 or 507)
        {
            logger.LogWarning(
                exception,
                "Infrastructure fault for {Method} {Path}: {Code}",
                httpContext.Request.Method,
                httpContext.Request.Path,
                code
            );
            httpContext.Response.Headers.RetryAfter = "30";
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails
            .TryWriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails =
                    {
                        Status = status,
                        Title = title,
                        Detail = detail,
                        Type = $"https://smartoffice.mn/problems/{code}",
                        Extensions =
                        {
                            ["code"] = code,
                            ["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                                ?? httpContext.TraceIdentifier,
                        },
                    },
                }
            )
            .ConfigureAwait(false);
    }

    private const string NotStored =
        "Nothing was stored. Send the same request again later, with the same Idempotency-Key, and it is stored once.";

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
