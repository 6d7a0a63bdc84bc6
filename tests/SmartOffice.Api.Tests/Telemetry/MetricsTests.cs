using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Telemetry;

/// <summary>
/// What an operator's Prometheus sees of the Api: /metrics only when turned on and only with the scrape key, the
/// outbox's lag, each CRL issuer's age and failed webhook calls.
/// </summary>
[TestClass]
public sealed class MetricsTests
{
    private const string ScrapeKey = "scrape-key-for-the-tests-0123456789";

    private static readonly Dictionary<string, string?> Prometheus = new()
    {
        ["Telemetry:Prometheus"] = "true",
        ["Telemetry:ScrapeKey"] = ScrapeKey,
    };

    [TestMethod]
    public async Task Metrics_are_not_served_unless_turned_on()
    {
        using var client = Factories.Shared("Sqlite").CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);

        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [TestMethod]
    public async Task The_scrape_asks_for_the_key_and_serves_the_services_metrics()
    {
        using var factory = new ApiFactory("Sqlite", Prometheus);
        using var client = factory.CreateClient();
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001");

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey + "x");
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }

        // A login token is not the scrape key either.
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await company.Http.GetAsync("/metrics")).StatusCode);

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);
        using var response = await client.SendAsync(scrape);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "text/plain");
        foreach (
            var name in new[]
            {
                "smartoffice_letters_accepted_total",
                "smartoffice_validation_duration_milliseconds_bucket",
                "smartoffice_outbox_lag_seconds",
                "smartoffice_crl_age_seconds{",
            }
        )
        {
            StringAssert.Contains(text, name);
        }
    }

    [TestMethod]
    public void The_scrape_route_has_a_row_in_the_access_policy()
    {
        using var factory = new ApiFactory("Sqlite", Prometheus);
        using var client = factory.CreateClient();
        var routes = factory
            .Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        CollectionAssert.Contains(routes, "/metrics");
        Assert.IsNotNull(AccessPolicy.Find("GET", "/metrics"));
    }

    [TestMethod]
    public async Task The_outbox_lag_is_the_age_of_the_oldest_unsent_message()
    {
        using var factory = new ApiFactory("Sqlite", new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        _ = factory.Server;
        Assert.AreEqual(0, Observe(factory, "smartoffice.outbox.lag").Single().Value, "nothing waits");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            db.OutboxMessages.Add(
                new OutboxMessage
                {
                    MessageType = "test",
                    Payload = "{}",
                    CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                }
            );
            db.OutboxMessages.Add(
                new OutboxMessage
                {
                    MessageType = "test",
                    Payload = "{}",
                    CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                }
            );
            await db.SaveChangesAsync();
        }

        var lag = Observe(factory, "smartoffice.outbox.lag").Single().Value;
        Assert.IsTrue(lag is >= 299 and < 330, $"lag {lag} s");
    }

    [TestMethod]
    public void Each_crl_issuer_has_its_age()
    {
        var ages = Observe(Factories.Shared("Sqlite"), "smartoffice.crl.age");

        Assert.IsNotEmpty(ages);
        Assert.IsTrue(ages.All(a => a.Issuer is { Length: > 0 } && a.Value >= 0), string.Join("; ", ages));
    }

    [TestMethod]
    public async Task A_failed_webhook_call_is_counted_with_its_reason()
    {
        var reasons = new System.Collections.Concurrent.ConcurrentBag<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "smartoffice.webhooks.failed")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (_, _, tags, _) => reasons.Add(tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value as string)
        );
        listener.Start();

        // The sender is told of the delivery; nothing listens on port 9, so the call cannot connect.
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Webhooks:AllowPrivateAddresses"] = "true" }
        );
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        Assert.AreEqual(
            HttpStatusCode.NoContent,
            (
                await sender.Http.PutAsJsonAsync(
                    "/api/webhook",
                    new { url = "http://127.0.0.1:9/hook", secret = "a-long-shared-secret-for-hmac" }
                )
            ).StatusCode
        );
        await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001");

        for (var i = 0; i < 100 && !reasons.Contains("unreachable"); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("unreachable", reasons);
    }

    /// <summary>
    /// The gauge's values as this factory's own meter reports them (other Apis of the test run have their own).
    /// </summary>
    private static List<(double Value, string? Issuer)> Observe(ApiFactory factory, string name)
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var values = new List<(double, string?)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>(
            (_, value, tags, _) =>
                values.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "issuer").Value as string))
        );
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
