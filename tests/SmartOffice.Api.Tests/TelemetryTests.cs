using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Operators can see inside: letters accepted and refused by code are counted, and traces export when configured.
/// </summary>
[TestClass]
public sealed class TelemetryTests
{
    [TestMethod]
    public async Task Accepted_and_refused_letters_are_counted_by_code()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Name, string? Code)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "SmartOffice")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, _, tags, _) =>
                seen.Add((instrument.Name, tags.ToArray().FirstOrDefault(t => t.Key == "code").Value as string))
        );
        listener.Start();

        using var company = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001");
        await company.SubmitAsync(TestPki.SignedLetter(TestPki.Pki.CompanyB), "9011001");

        Assert.Contains(("smartoffice.letters.accepted", (string?)null), seen);
        Assert.Contains(("smartoffice.letters.refused", (string?)"signer_org_mismatch"), seen);
    }

    [TestMethod]
    public void Traces_are_exported_only_when_an_endpoint_is_configured()
    {
        using var plain = new ApiFactory("Sqlite");
        using var exporting = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" }
        );
        using var a = plain.CreateClient();
        using var b = exporting.CreateClient();

        Assert.IsNull(plain.Services.GetService<TracerProvider>());
        Assert.IsNotNull(exporting.Services.GetService<TracerProvider>());
    }
}
