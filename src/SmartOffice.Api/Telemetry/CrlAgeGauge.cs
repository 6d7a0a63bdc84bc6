using System.Diagnostics.Metrics;
using SmartOffice.Exchange.Telemetry;
using SmartOffice.Signing;

namespace SmartOffice.Api.Telemetry;

/// <summary>
/// smartoffice.crl.age{issuer}: seconds since each issuer's newest held CRL was issued. An age that keeps growing past
/// the issuer's publication interval means the refresher no longer gets new CRLs, long before crl-freshness turns
/// Degraded at nextUpdate.
/// </summary>
internal sealed class CrlAgeGauge(PdfSignatureValidator validator, TimeProvider time, IMeterFactory meters)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        meters
            .Create(ExchangeTelemetry.Name)
            .CreateObservableGauge(
                ExchangeTelemetry.CrlAge,
                Observe,
                "s",
                "Age of the newest CRL held for each issuer"
            );
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<double>> Observe()
    {
        var now = time.GetUtcNow();
        return validator.Trust.NewestCrlByIssuer.Select(crl => new Measurement<double>(
            (now - crl.Value).TotalSeconds,
            new KeyValuePair<string, object?>("issuer", crl.Key)
        ));
    }
}
