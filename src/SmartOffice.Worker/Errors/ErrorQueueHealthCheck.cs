using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOffice.Exchange.Messaging;

namespace SmartOffice.Worker.Errors;

/// <summary>
/// Readiness: letters in the error queue need an operator (list and replay them at /admin/errors): Degraded, with the
/// count.
/// </summary>
internal sealed class ErrorQueueHealthCheck(FailedDeliveries failures) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (!failures.IsApplicable)
        {
            return HealthCheckResult.Healthy("not applicable: the bus is not RabbitMQ, so there is no error queue");
        }

        try
        {
            var depth = await failures.DepthAsync(cancellationToken);
            return depth == 0
                ? HealthCheckResult.Healthy("the error queue is empty")
                : HealthCheckResult.Degraded(
                    $"{depth} delivery message(s) wait in the error queue: list them at /admin/errors, replay with "
                        + $"POST /admin/errors/replay"
                );
        }
        catch (Exception exception)
            when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the broker cannot be reached to read the error queue");
        }
    }
}
