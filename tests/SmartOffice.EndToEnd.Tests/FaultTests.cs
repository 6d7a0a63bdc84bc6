using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// Crashes and outages in the middle of delivery: no letter lost, none delivered twice, none left for an operator.
/// </summary>
[TestClass]
public sealed class FaultTests
{
    private const int Letters = 30;

    [TestMethod]
    public async Task Killing_the_worker_mid_stream_loses_nothing_and_delivers_nothing_twice()
    {
        ApiFactory.RequireProvider("Postgres");
        using var api = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>(Broker.Settings) { ["Outbox:Enabled"] = "false" }
        );
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var letters = new List<string>();
        foreach (
            var pdf in Enumerable
                .Range(0, Letters)
                .AsParallel()
                .Select(_ => TestPki.SignedLetter(TestPki.Pki.CompanyA))
                .ToList()
        )
        {
            letters.Add((await sender.AcceptedAsync(pdf, "9011001", "6234567")).GetProperty("id").GetString()!);
        }

        // The first worker declares the queues, starts consuming, and is killed once some letters are delivered. It
        // delivers one letter per commit (by default a commit holds every message waiting), so the kill lands
        // mid-stream.
        using var first = WorkerOsProcess.Start(
            api,
            new Dictionary<string, string> { ["Delivery:MaxBatch"] = "1", ["Delivery:Lanes"] = "1" }
        );
        await WaitForHealthyTopologyAsync(api);
        using var publishing = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>(Broker.Settings)
            {
                ["ConnectionStrings:SmartOffice"] = api.ConnectionString,
                ["Data:Path"] = api.DataPath,
                ["Archive:Path"] = Path.Combine(api.DataPath, "archive"),
            }
        );
        _ = publishing.Server;
        await WaitUntilAsync(api, delivered => delivered >= 4, TimeSpan.FromSeconds(60));
        first.Kill();
        var deliveredAtKill = await CountDeliveredAsync(api);

        using var second = WorkerOsProcess.Start(api);
        await WaitUntilAsync(api, delivered => delivered == Letters * 2, TimeSpan.FromSeconds(90));

        Assert.IsLessThan(Letters * 2, deliveredAtKill, "the kill happened mid-stream");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var consignments = await db
            .Evidences.Where(e => e.Event == "ContentConsignment")
            .GroupBy(e => new { e.LetterId, e.RecipientRegistryNumber })
            .Select(g => g.Count())
            .ToListAsync();
        Assert.HasCount(Letters * 2, consignments, "one evidence per recipient");
        Assert.IsTrue(consignments.All(c => c == 1), "no delivery evidenced twice");
    }

    [TestMethod]
    public async Task Restarting_the_broker_while_letters_are_in_flight_loses_nothing()
    {
        ApiFactory.RequireProvider("Postgres");
        if (Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_RABBITMQ_RESTARTABLE") != "1")
        {
            Assert.Inconclusive("the broker was not started by ./test.sh, so this test may not restart it");
        }

        using var api = new ApiFactory("Postgres", new Dictionary<string, string?>(Broker.Settings));
        using var worker = WorkerOsProcess.Start(api);
        await WaitForHealthyTopologyAsync(api);
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var pdfs = Enumerable
            .Range(0, Letters)
            .AsParallel()
            .Select(_ => TestPki.SignedLetter(TestPki.Pki.CompanyA))
            .ToList();
        foreach (var pdf in pdfs.Take(Letters / 2))
        {
            await sender.AcceptedAsync(pdf, "9011001", "6234567");
        }

        await RabbitCtlAsync("stop_app");
        foreach (var pdf in pdfs.Skip(Letters / 2))
        {
            await sender.AcceptedAsync(pdf, "9011001", "6234567");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await RabbitCtlAsync("start_app");
        await WaitUntilAsync(api, delivered => delivered == Letters * 2, TimeSpan.FromSeconds(120));

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        Assert.AreEqual(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        var consignments = await db
            .Evidences.Where(e => e.Event == "ContentConsignment")
            .GroupBy(e => new { e.LetterId, e.RecipientRegistryNumber })
            .Select(g => g.Count())
            .ToListAsync();
        Assert.HasCount(Letters * 2, consignments);
        Assert.IsTrue(consignments.All(c => c == 1));
    }

    [TestMethod]
    public async Task A_worker_that_loses_its_database_under_load_retries_until_it_is_back_and_dead_letters_nothing()
    {
        ApiFactory.RequireProvider("Postgres");
        using var api = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>(Broker.Settings) { ["Outbox:Enabled"] = "false" }
        );
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        foreach (
            var pdf in Enumerable.Range(0, Letters).Select(_ => TestPki.SignedLetter(TestPki.Pki.CompanyA)).ToList()
        )
        {
            await sender.AcceptedAsync(pdf, "9011001", "6234567");
        }

        // The Worker reaches PostgreSQL only through the gate; the Api and the test keep their own connections.
        var database = new Npgsql.NpgsqlConnectionStringBuilder(api.ConnectionString);
        await using var gate = new TcpGate(database.Host!, database.Port);
        var throughGate = new Npgsql.NpgsqlConnectionStringBuilder(api.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = gate.Port,
        };
        using var worker = WorkerOsProcess.Start(
            throughGate.ConnectionString,
            Path.Combine(api.DataPath, "archive"),
            new Dictionary<string, string?>(Broker.Settings)
        );
        await WaitForHealthyTopologyAsync(api);

        gate.Shut();
        using var publishing = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>(Broker.Settings)
            {
                ["ConnectionStrings:SmartOffice"] = api.ConnectionString,
                ["Data:Path"] = api.DataPath,
                ["Archive:Path"] = Path.Combine(api.DataPath, "archive"),
            }
        );
        _ = publishing.Server;
        // Long enough for the consumer's first retries to fail: without the endless retry of database faults they
        // would end in the error queue, and those letters would stay Queued until an operator replayed them.
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.AreEqual(0, await CountDeliveredAsync(api), "nothing is delivered while the Worker has no database");
        gate.Open();

        await WaitUntilAsync(api, delivered => delivered == Letters * 2, TimeSpan.FromSeconds(120));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        Assert.AreEqual(
            0,
            await db.Deliveries.CountAsync(d => d.State != DeliveryState.Delivered),
            "every letter delivered"
        );
    }

    private static async Task RabbitCtlAsync(string command)
    {
        using var process = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("rabbitmqctl", ["-q", command])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            }
        )!;
        await process.WaitForExitAsync();
        Assert.AreEqual(0, process.ExitCode, $"rabbitmqctl {command}: {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task WaitForHealthyTopologyAsync(ApiFactory api)
    {
        // The worker declares its queue on start; give it the time a cold .NET process needs.
        await Task.Delay(TimeSpan.FromSeconds(4));
        _ = api;
    }

    private static async Task<int> CountDeliveredAsync(ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .Deliveries.CountAsync(d => d.State == DeliveryState.Delivered);
    }

    private static async Task WaitUntilAsync(ApiFactory api, Func<int, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int delivered;
        while (!done(delivered = await CountDeliveredAsync(api)))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"only {delivered} deliveries after {timeout.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }
}
