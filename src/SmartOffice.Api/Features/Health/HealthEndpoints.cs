using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOffice.Exchange.Health;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Health;

/// <summary>
/// /health/live (the process answers) and /health/ready (database, bus, archive, CRL freshness), as JSON.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSmartOfficeHealthChecks(this IServiceCollection services)
    {
        // The database and the archive are checked by the shared core (SmartOfficeCore).
        services
            .AddHealthChecks()
            .AddCheck<Outbox.OutboxLagHealthCheck>("outbox", tags: [ReadyTag])
            .AddCheck<CrlFreshnessHealthCheck>("crl-freshness", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes
            .MapHealthChecks(
                "/health/live",
                new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }
            )
            .AllowAnonymous();
        routes
            .MapHealthChecks(
                "/health/ready",
                new HealthCheckOptions
                {
                    Predicate = c => c.Tags.Contains(ReadyTag),
                    ResponseWriter = HealthResponse.WriteAsync,
                }
            )
            .AllowAnonymous();
        return routes;
    }

    private sealed class CrlFreshnessHealthCheck(PdfSignatureValidator validator, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(
            HealthCheckContext context,
            CancellationToken cancellationToken = default
        )
        {
            var next = validator.Trust.EarliestCrlNextUpdate;
            var result =
                next is null ? HealthCheckResult.Degraded("no CRL is configured")
                : next < time.GetUtcNow()
                    ? HealthCheckResult.Degraded($"a CRL is stale: its next update was due {next:u}")
                : HealthCheckResult.Healthy($"CRLs current until {next:u}");
            return Task.FromResult(result);
        }
    }
}
