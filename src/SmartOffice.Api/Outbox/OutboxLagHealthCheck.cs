using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Api.Outbox;

/// <summary>
/// Readiness: accepted letters leave for the broker. The oldest unsent outbox row older than Outbox:LagWarningSeconds
/// (60) makes the service Degraded, with its age, before anyone notices letters waiting.
/// </summary>
internal sealed class OutboxLagHealthCheck(OutboxLag lag, IOptions<OutboxOptions> outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        var age = await lag.OldestUnsentAgeAsync(cancellationToken);
        if (age == TimeSpan.Zero)
        {
            return HealthCheckResult.Healthy("nothing waits in the outbox");
        }

        var limit = TimeSpan.FromSeconds(outbox.Value.LagWarningSeconds);
        return age <= limit
            ? HealthCheckResult.Healthy($"the oldest unsent message is {age.TotalSeconds:F0} s old")
            : HealthCheckResult.Degraded(
                $"the oldest unsent outbox message is {age.TotalSeconds:F0} s old (limit {limit.TotalSeconds:F0} "
                    + $"s): is the broker reachable?"
            );
    }
}
