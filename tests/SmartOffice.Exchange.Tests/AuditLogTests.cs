using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Tests.Infrastructure;

namespace SmartOffice.Exchange.Tests;

/// <summary>
/// The audit log keeps one hash chain however its lines arrive, and any edit or deletion is detected.
/// </summary>
[TestClass]
public sealed class AuditLogTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Finds_the_first_line_that_was_edited_or_deleted(string provider)
    {
        await using var host = await ExchangeHost.StartAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await audit.AppendAsync("staff:test", "9011001", "document.read", $"letter-{i}");
        }

        Assert.IsTrue((await audit.VerifyAsync()).IsIntact);
        await db
            .AuditEntries.Where(e => e.Sequence == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Target, "someone-else"));
        var edited = await audit.VerifyAsync();
        Assert.IsFalse(edited.IsIntact);
        Assert.AreEqual(3, edited.FirstBrokenLine);
        StringAssert.Contains(edited.Problem, "changed");

        await db.AuditEntries.Where(e => e.Sequence == 3).ExecuteDeleteAsync();
        var deleted = await audit.VerifyAsync();
        Assert.AreEqual(3, deleted.FirstBrokenLine);
        StringAssert.Contains(deleted.Problem, "missing");
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Concurrent_appends_keep_one_unbroken_chain(string provider)
    {
        await using var host = await ExchangeHost.StartAsync(provider);
        await Task.WhenAll(
            Enumerable
                .Range(0, 24)
                .Select(async i =>
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    await scope
                        .ServiceProvider.GetRequiredService<AuditLog>()
                        .AppendAsync("system:test", null, "test.append", $"t-{i}");
                })
        );

        await using var check = host.Services.CreateAsyncScope();
        var verification = await check.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.IsTrue(verification.IsIntact, verification.Problem);
        Assert.AreEqual(
            24,
            await check
                .ServiceProvider.GetRequiredService<ExchangeDbContext>()
                .AuditEntries.CountAsync(e => e.Action == "test.append")
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Lines_a_stopped_process_committed_but_did_not_chain_are_chained_by_the_next(string provider)
    {
        await using var host = await ExchangeHost.StartAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();

        // As a process leaves them when it dies between committing a change and chaining its line.
        db.AuditDrafts.AddRange(
            Enumerable
                .Range(0, 7)
                .Select(i => new AuditDraft
                {
                    Time = DateTimeOffset.UnixEpoch.AddDays(i),
                    Actor = "system:test",
                    Action = "test.orphan",
                    Target = $"o-{i}",
                })
        );
        await db.SaveChangesAsync();

        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.IsTrue(verification.IsIntact, verification.Problem);
        CollectionAssert.AreEqual(
            Enumerable.Range(0, 7).Select(i => $"o-{i}").ToList(),
            await db
                .AuditEntries.Where(e => e.Action == "test.orphan")
                .OrderBy(e => e.Sequence)
                .Select(e => e.Target)
                .ToListAsync()
        );
        Assert.AreEqual(0, await db.AuditDrafts.CountAsync());
    }

    [TestMethod]
    public async Task Two_processes_chaining_at_once_keep_one_chain_with_every_line_once()
    {
        await using var first = await ExchangeHost.StartAsync("Postgres");
        await using var second = await ExchangeHost.StartAsync(
            "Postgres",
            new Dictionary<string, string?> { ["ConnectionStrings:SmartOffice"] = first.ConnectionString }
        );
        await Task.WhenAll(
            new[] { first, second }.SelectMany(
                (host, h) =>
                    Enumerable
                        .Range(0, 150)
                        .Select(async i =>
                        {
                            await using var scope = host.Services.CreateAsyncScope();
                            await scope
                                .ServiceProvider.GetRequiredService<AuditLog>()
                                .AppendAsync("system:test", null, "test.race", $"p{h}-{i}");
                        })
            )
        );

        await using var check = second.Services.CreateAsyncScope();
        var verification = await check.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.IsTrue(verification.IsIntact, verification.Problem);
        var targets = await check
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .AuditEntries.Where(e => e.Action == "test.race")
            .Select(e => e.Target)
            .ToListAsync();
        Assert.AreEqual(300, targets.Count);
        Assert.AreEqual(300, targets.Distinct().Count());
    }
}
