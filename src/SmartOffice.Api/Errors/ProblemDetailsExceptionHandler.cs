using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace SmartOffice.Api.Errors;

/// <summary>Turns the unexpected into problem details with a code and a trace id, never a stack trace.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => (413, SmartOffice.Signing.ValidationCodes.FileTooLarge, "The file is too large"),
            BadHttpRequestException or InvalidDataException or FormatException => (400, ProblemCodes.Validation, "The request is not valid"),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "cancelled", "The request was cancelled"),
            _ => (500, ProblemCodes.Internal, "Something went wrong on our side"),
        };
        if (status == 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Type = $"https://smartoffice.mn/problems/{code}",
                Extensions = { ["code"] = code, ["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? httpContext.TraceIdentifier },
            },
        }).ConfigureAwait(false);
    }
}
