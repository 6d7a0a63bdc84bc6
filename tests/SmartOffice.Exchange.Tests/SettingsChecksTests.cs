using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Hosting;
using SmartOffice.Exchange.Telemetry;

namespace SmartOffice.Exchange.Tests;

/// <summary>The shared settings are checked when first read, each problem one sentence naming the key.</summary>
[TestClass]
public sealed class SettingsChecksTests
{
    [TestMethod]
    public void A_holiday_that_is_not_a_date_is_named()
    {
        var line = Problem<DeadlinesOptions>(("Deadlines:Holidays:0", "07-11"), ("Deadlines:Holidays:1", "Naadam"));

        StringAssert.Contains(line, "Deadlines:Holidays has 'Naadam'");
        Assert.IsFalse(line.Contains("07-11", StringComparison.Ordinal), line);
    }

    [TestMethod]
    public void Postgres_without_a_connection_string_and_an_unknown_provider_are_named()
    {
        StringAssert.Contains(
            Problem<DatabaseOptions>(("Database:Provider", "Postgres")),
            "ConnectionStrings:SmartOffice is not set"
        );
        StringAssert.Contains(
            Problem<DatabaseOptions>(("Database:Provider", "Oracle")),
            "Database:Provider is 'Oracle'"
        );
    }

    [TestMethod]
    public void A_missing_seal_file_and_an_unknown_time_zone_are_named()
    {
        StringAssert.Contains(
            Problem<SealOptions>(("Seal:CertificatePath", "/nonexistent/seal.p12")),
            "Seal:CertificatePath '/nonexistent/seal.p12' does not exist"
        );
        StringAssert.Contains(
            Problem<ServiceOptions>(("Service:TimeZone", "Mars/Olympus")),
            "Service:TimeZone 'Mars/Olympus'"
        );
    }

    [TestMethod]
    public void Prometheus_without_a_long_enough_scrape_key_and_a_malformed_collector_address_are_named()
    {
        StringAssert.Contains(
            Problem<TelemetryOptions>(("Telemetry:Prometheus", "true")),
            "Telemetry:ScrapeKey is not set"
        );
        StringAssert.Contains(
            Problem<TelemetryOptions>(("Telemetry:Prometheus", "true"), ("Telemetry:ScrapeKey", "short")),
            "Telemetry:ScrapeKey is too short"
        );
        StringAssert.Contains(
            Problem<TelemetryOptions>(("Telemetry:OtlpEndpoint", "collector:4317")),
            "Telemetry:OtlpEndpoint 'collector:4317' is not an http or https URL"
        );
    }

    [TestMethod]
    public void An_outbox_lease_too_short_to_renew_is_named()
    {
        StringAssert.Contains(Problem<OutboxOptions>(("Outbox:LeaseSeconds", "1")), "Outbox:LeaseSeconds is 1");
    }

    [TestMethod]
    public void The_defaults_pass_their_checks()
    {
        using var services = Services();
        Assert.AreEqual(10, services.GetRequiredService<IOptions<DeadlinesOptions>>().Value.DefaultWorkingDays);
        Assert.AreEqual("Asia/Ulaanbaatar", services.GetRequiredService<IOptions<ServiceOptions>>().Value.TimeZone);
        Assert.AreEqual(
            DatabaseOptions.Sqlite,
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider
        );
    }

    private static string Problem<T>(params (string Key, string Value)[] settings)
        where T : class
    {
        using var services = Services(settings);
        var failure = Assert.ThrowsExactly<OptionsValidationException>(() =>
            services.GetRequiredService<IOptions<T>>().Value
        );
        return StartupFailure.Describe(failure)!;
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddExchangeOptions()
            .AddSmartOfficeTelemetry(configuration, "settings-checks")
            .BuildServiceProvider();
    }
}
