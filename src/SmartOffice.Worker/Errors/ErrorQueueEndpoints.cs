namespace SmartOffice.Worker.Errors;

/// <summary>GET /admin/errors lists failed deliveries; POST /admin/errors/replay puts them back in the delivery queue.</summary>
internal static class ErrorQueueEndpoints
{
    public static IEndpointRouteBuilder MapErrorQueueEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/errors", async (FailedDeliveries queue, int? max, CancellationToken cancellationToken) => TypedResults.Ok(await queue.ListAsync(max ?? 100, cancellationToken)));
        routes.MapPost("/admin/errors/replay", async (FailedDeliveries queue, int? max, CancellationToken cancellationToken) => TypedResults.Ok(new { replayed = await queue.ReplayAsync(max ?? 1000, cancellationToken) }));
        return routes;
    }
}
