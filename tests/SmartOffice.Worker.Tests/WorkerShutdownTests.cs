using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOffice.Worker.Tests;

/// <summary>
/// On SIGTERM the Worker has Service:ShutdownSeconds to finish what is in flight, and stops within it.
/// </summary>
[TestClass]
public sealed class WorkerShutdownTests
{
    [TestMethod]
    public async Task The_shutdown_time_comes_from_the_service_settings_and_the_worker_stops_within_it()
    {
        var settings = WorkerHealthTests.Settings("Sqlite", "Data Source={folder}/worker.db");
        settings["Service:ShutdownSeconds"] = "7";
        var (app, http) = await WorkerHealthTests.StartAsync(settings, migrate: true);
        using (http)
        {
            Assert.AreEqual(
                TimeSpan.FromSeconds(7),
                app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout
            );

            var stopping = Stopwatch.StartNew();
            await app.StopAsync();
            Assert.IsLessThan(TimeSpan.FromSeconds(7), stopping.Elapsed, "stopped within the configured time");
            await app.DisposeAsync();
        }
    }
}
