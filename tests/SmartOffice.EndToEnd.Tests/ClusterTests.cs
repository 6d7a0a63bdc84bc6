using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// The deployment of docs/operations.md "RabbitMQ cluster": two Apis and two Workers (real processes) on one
/// PostgreSQL and a three-node RabbitMQ cluster. Under load one broker node and one Worker are killed; no letter is
/// lost or delivered twice, each step has one evidence, the audit chain holds and the Apis stay ready.
/// </summary>
[TestClass]
public sealed class ClusterTests
{
    private const int LettersPerApi = 150;
    private const int SubmittedBeforeFaults = 100;
    private const string DeliveryQueue = "letter-submitted";
    private static readonly string[] Recipients = ["9011001", "6234567"];

    [TestMethod]
    public async Task Letters_through_two_apis_survive_a_broker_node_and_a_worker_killed_under_load()
    {
        ApiFactory.RequireProvider("Postgres");
        RabbitCluster.Require();
        await RabbitCluster.StartStoppedNodesAsync();
        var clock = Stopwatch.StartNew();
        await using var database = TestDatabase.Create();
        var shared = Directory.CreateTempSubdirectory("smartoffice-cluster-").FullName;
        var archive = Path.Combine(shared, "archive");
        // Signed while the services start: signing is the test's own work, not the service's.
        var signing = Task.Run(() =>
            Enumerable
                .Range(0, LettersPerApi * 2)
                .AsParallel()
                .Select(_ => TestPki.SignedLetter(TestPki.Pki.CompanyA))
                .ToList()
        );

        // The node to kill leads the delivery queue and carries the first Api and both Workers, so its death takes a
        // queue leader and live connections at once; the second Api connects elsewhere. On a fresh cluster the
        // queue is made by the first Worker, and its leader is that Worker's node.
        var doomedNode = (await RabbitCluster.DescribeQueueAsync(DeliveryQueue, askNode: 1))?.Leader ?? 1;
        // The first Api migrates the database and seeds the demo users alone; the others start on a prepared one.
        using var first = ApiOsProcess.Start(database.ConnectionString, shared, ApiSettings(doomedNode));
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        using var doomedWorker = WorkerOsProcess.Start(
            database.ConnectionString,
            archive,
            RabbitCluster.Settings(doomedNode)
        );
        using var worker = WorkerOsProcess.Start(
            database.ConnectionString,
            archive,
            RabbitCluster.Settings(doomedNode)
        );
        using var second = ApiOsProcess.Start(
            database.ConnectionString,
            shared,
            ApiSettings(RabbitCluster.After(doomedNode))
        );
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        var queue = await DeliveryQueueDeclaredAsync();
        Assert.AreEqual("quorum", queue.Type);
        foreach (var node in new[] { "rabbit1@localhost", "rabbit2@localhost", "rabbit3@localhost" })
        {
            StringAssert.Contains(queue.Members, node, "the delivery queue is replicated on every node");
        }

        doomedNode = queue.Leader;

        var pdfs = await signing;
        using var viaFirst = await ApiSession.CompanyAsync(first.CreateClient(), TestPki.Pki.CompanyA);
        using var viaSecond = await ApiSession.CompanyAsync(second.CreateClient(), TestPki.Pki.CompanyA);
        // The test's first query builds its model; done now, the count at the faults is immediate.
        await CountDeliveredAsync(database);
        var started = clock.Elapsed;

        var answers = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
        var faultsDue = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int submittedAtFaults,
            deliveredAtFaults;
        TimeSpan faultsTook;
        await using (var readiness = ReadinessWatch.Start(first, second))
        {
            var sending = Task.WhenAll(
                SendAsync(viaFirst, pdfs.Take(LettersPerApi), answers, faultsDue),
                SendAsync(viaSecond, pdfs.Skip(LettersPerApi), answers, faultsDue)
            );
            await Task.WhenAny(faultsDue.Task, sending);
            (submittedAtFaults, deliveredAtFaults) = (answers.Count, await CountDeliveredAsync(database));
            var faults = Stopwatch.StartNew();
            RabbitCluster.Kill(doomedNode);
            doomedWorker.Kill();
            faultsTook = faults.Elapsed;
            await sending;
            // The node comes back while the last letters are delivered; it rejoins the cluster and the queue by itself.
            var restarting = RabbitCluster.StartAsync(doomedNode);
            await WaitForDeliveriesAsync(
                database,
                answers.Count(a => a.Status == HttpStatusCode.Accepted) * Recipients.Length,
                TimeSpan.FromSeconds(180)
            );
            await restarting;
            Assert.IsEmpty(
                readiness.Failures,
                $"both Apis ready throughout ({readiness.Samples} "
                    + $"samples):\n{string.Join('\n', readiness.Failures.Take(20))}"
            );
            CollectionAssert.Contains(readiness.Checks.ToList(), "masstransit-bus", "readiness includes the bus");
        }

        var refused = answers
            .Where(a => a.Status != HttpStatusCode.Accepted)
            .Select(a => $"{(int)a.Status} {a.Body}")
            .ToList();
        Assert.IsEmpty(refused, string.Join('\n', refused.Take(10)));
        Assert.IsLessThan(LettersPerApi * 2, submittedAtFaults, "letters kept coming after the faults");
        Assert.IsLessThan(
            LettersPerApi * 2 * Recipients.Length,
            deliveredAtFaults,
            "letters were still being delivered at the faults"
        );
        var accepted = answers
            .Select(a => Guid.Parse(JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()!))
            .ToHashSet();
        await AssertDeliveredOnceWithOneEvidencePerStepAsync(database, accepted);
        using var admin = await ApiSession.StaffAsync(second.CreateClient(), "admin");
        var audit = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.IsTrue(audit.GetProperty("isIntact").GetBoolean(), audit.ToString());
        Console.WriteLine(
            $"cluster test: {accepted.Count} letters in {(clock.Elapsed - started).TotalSeconds:F0} s of load (node "
                + $"{doomedNode} and a Worker killed in {faultsTook.TotalMilliseconds:F0} ms after "
                + $"{submittedAtFaults} letters, {deliveredAtFaults} deliveries), {clock.Elapsed.TotalSeconds:F0} s "
                + $"in all"
        );
    }

    private static async Task SendAsync(
        ApiSession session,
        IEnumerable<byte[]> pdfs,
        ConcurrentBag<(HttpStatusCode, string)> answers,
        TaskCompletionSource faultsDue
    )
    {
        foreach (var pdf in pdfs)
        {
            var response = await session.SubmitAsync(pdf, Recipients);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            if (answers.Count >= SubmittedBeforeFaults)
            {
                faultsDue.TrySetResult();
            }
        }
    }

    private static async Task AssertDeliveredOnceWithOneEvidencePerStepAsync(
        TestDatabase database,
        HashSet<Guid> accepted
    )
    {
        var deliveries = await database.QueryAsync(db =>
            db.Deliveries.AsNoTracking()
                .Select(d => new
                {
                    d.LetterId,
                    d.RecipientRegistryNumber,
                    d.State,
                })
                .ToListAsync()
        );
        Assert.HasCount(accepted.Count * Recipients.Length, deliveries);
        Assert.IsTrue(
            deliveries.All(d => d.State == DeliveryState.Delivered && accepted.Contains(d.LetterId)),
            "every accepted letter delivered, nothing else"
        );
        Assert.HasCount(
            deliveries.Count,
            deliveries.Select(d => (d.LetterId, d.RecipientRegistryNumber)).Distinct().ToList(),
            "each recipient once"
        );

        var evidences = await database.QueryAsync(db =>
            db.Evidences.AsNoTracking()
                .Select(e => new
                {
                    e.LetterId,
                    e.RecipientRegistryNumber,
                    e.Event,
                })
                .ToListAsync()
        );
        var steps = evidences.GroupBy(e => (e.LetterId, e.RecipientRegistryNumber, e.Event)).ToList();
        var twice = steps.Where(step => step.Count() > 1).Select(step => step.Key).ToList();
        Assert.IsEmpty(twice, $"steps evidenced more than once: {string.Join(", ", twice.Take(5))}");
        Assert.HasCount(
            accepted.Count,
            steps.Where(step => step.Key.Event == EvidenceEvents.SubmissionAcceptance).ToList()
        );
        Assert.HasCount(
            accepted.Count * Recipients.Length,
            steps.Where(step => step.Key.Event == EvidenceEvents.ContentConsignment).ToList()
        );
        Assert.HasCount(
            evidences.Count,
            evidences
                .Where(e => e.Event is EvidenceEvents.SubmissionAcceptance or EvidenceEvents.ContentConsignment)
                .ToList(),
            "no failure evidence"
        );
    }

    private static Dictionary<string, string?> ApiSettings(int firstNode) =>
        new(RabbitCluster.Settings(firstNode)) { ["Limits:SubmissionsPerWindow"] = "100000" };

    private static async Task<(string Type, int Leader, string Members)> DeliveryQueueDeclaredAsync()
    {
        // The Workers declare the delivery queue as they start; a letter published before it exists would be dropped.
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await RabbitCluster.DescribeQueueAsync(DeliveryQueue, askNode: 1) is { } queue)
            {
                return queue;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"no Worker declared {DeliveryQueue} within a minute");
        return default;
    }

    private static Task<int> CountDeliveredAsync(TestDatabase database) =>
        database.QueryAsync(db => db.Deliveries.CountAsync(d => d.State == DeliveryState.Delivered));

    private static async Task WaitForDeliveriesAsync(TestDatabase database, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int delivered;
        while ((delivered = await CountDeliveredAsync(database)) < expected)
        {
            Assert.IsLessThan(
                deadline,
                DateTime.UtcNow,
                $"only {delivered} of {expected} deliveries after {timeout.TotalSeconds} s"
            );
            await Task.Delay(250);
        }
    }
}
