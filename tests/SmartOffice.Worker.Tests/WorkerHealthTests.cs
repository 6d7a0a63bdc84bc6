using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Worker.Tests;

/// <summary>The worker's readiness names what it depends on, and says so when one is down.</summary>
[TestClass]
public sealed class WorkerHealthTests
{
    internal static Dictionary<string, string?> Settings(string provider, string connectionString)
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-worker-").FullName;
        DemoPki.Create().WriteTo(Path.Combine(folder, "pki"));
        return new()
        {
            ["Messaging:Transport"] = "InMemory",
            ["Database:Provider"] = provider,
            ["ConnectionStrings:SmartOffice"] = connectionString.Replace("{folder}", folder, StringComparison.Ordinal),
            ["Seal:CertificatePath"] = Path.Combine(folder, "pki", "p12", "seal.p12"),
            ["Seal:Password"] = "demo",
            ["Archive:Path"] = Path.Combine(folder, "archive"),
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    internal static async Task<(WebApplication App, HttpClient Http)> StartAsync(
        Dictionary<string, string?> settings,
        bool migrate
    )
    {
        var app = WorkerHost.Build([], settings);
        if (migrate)
        {
            await WorkerHost.PrepareAsync(app);
        }

        await app.StartAsync();
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    [TestMethod]
    public async Task Ready_lists_the_database_and_the_bus_as_healthy()
    {
        var (app, http) = await StartAsync(Settings("Sqlite", "Data Source={folder}/worker.db"), migrate: true);
        await using var _ = app;
        using var __ = http;

        Assert.AreEqual(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        using var ready = await http.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode, body.ToString());
        Assert.AreEqual(
            "Healthy",
            body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString()
        );
        Assert.IsTrue(
            body.GetProperty("checks")
                .EnumerateObject()
                .Any(c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase)),
            body.ToString()
        );
    }

    [TestMethod]
    public async Task An_unreachable_database_makes_the_worker_unready_and_says_which_check_failed()
    {
        // Nothing listens on port 9: the worker starts (it must, to report), but is not ready.
        var (app, http) = await StartAsync(
            Settings("Postgres", "Host=127.0.0.1;Port=9;Username=postgres;Database=smartoffice;Timeout=2"),
            migrate: false
        );
        await using var _ = app;
        using var __ = http;

        Assert.AreEqual(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        using var ready = await http.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, ready.StatusCode, body.ToString());
        Assert.AreEqual(
            "Unhealthy",
            body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString()
        );
    }
}
