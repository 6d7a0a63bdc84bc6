using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Messaging;

namespace SmartOffice.Worker.Errors;

/// <summary>
/// GET /admin/errors lists failed deliveries; POST /admin/errors/replay puts them back in the delivery queue. Both ask
/// for the key configured as Worker:AdminKey in the X-Admin-Key header; without a configured key they stay closed. Only
/// RabbitMQ has an error queue: on the embedded transport both answer 404 with code <c>no_error_queue</c>.
/// </summary>
internal static class ErrorQueueEndpoints
{
    public const string KeyHeader = "X-Admin-Key";

    public static IEndpointRouteBuilder MapErrorQueueEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter(RequireKeyAsync);
        admin.MapGet("/errors", async (FailedDeliveries queue, int? max, CancellationToken cancellationToken) =>
            TypedResults.Ok(await queue.ListAsync(max ?? 100, cancellationToken))
        );
        admin.MapPost("/errors/replay", async (FailedDeliveries queue, int? max, CancellationToken cancellationToken) =>
            TypedResults.Ok(new { replayed = await queue.ReplayAsync(max ?? 1000, cancellationToken) })
        );
        return routes;
    }

    private static async ValueTask<object?> RequireKeyAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var http = context.HttpContext;
        var configured = http.RequestServices.GetRequiredService<IOptions<WorkerOptions>>().Value.AdminKey;
        if (string.IsNullOrEmpty(configured))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Admin endpoints are closed",
                detail: $"Set Worker:AdminKey on the Worker and send it in the {KeyHeader} header.",
                extensions: new Dictionary<string, object?> { ["code"] = "forbidden" }
            );
        }

        var given = http.Request.Headers[KeyHeader].ToString();
        if (
            !CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(given)),
                SHA256.HashData(Encoding.UTF8.GetBytes(configured))
            )
        )
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Authentication required",
                detail: $"Send the Worker's admin key in the {KeyHeader} header.",
                extensions: new Dictionary<string, object?> { ["code"] = "unauthorized" }
            );
        }

        if (!http.RequestServices.GetRequiredService<FailedDeliveries>().IsApplicable)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No error queue",
                detail: "Only RabbitMQ keeps an error queue; this Worker uses the in-process transport.",
                extensions: new Dictionary<string, object?> { ["code"] = "no_error_queue" }
            );
        }

        return await next(context);
    }
}
