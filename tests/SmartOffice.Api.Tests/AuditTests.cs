using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>The audit log records state changes and document reads, and any edit or deletion is detected.</summary>
[TestClass]
public sealed class AuditTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Records_submission_delivery_and_each_read_of_the_document_with_its_address(string provider)
    {
        var factory = Factories.Shared(provider);
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();
        await sender.Http.GetAsync($"/api/letters/{id}/document");
        using var admin = await ApiSession.StaffAsync(factory, "admin");

        List<string?> actions = [];
        for (var i = 0; i < 50 && !actions.Contains("letter.delivered"); i++)
        {
            await Task.Delay(100);
            actions =
            [
                .. (await admin.GetJsonAsync($"/api/admin/audit?target={id}"))
                    .EnumerateArray()
                    .Select(e => e.GetProperty("action").GetString()),
            ];
        }

        CollectionAssert.IsSubsetOf(new[] { "letter.submitted", "document.read", "letter.delivered" }, actions);
        var verification = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.IsTrue(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Finds_the_first_line_that_was_edited_or_deleted(string provider)
    {
        ApiFactory.RequireProvider(provider);
        using var factory = new ApiFactory(provider);
        await using var scope = factory.Services.CreateAsyncScope();
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
        ApiFactory.RequireProvider(provider);
        using var factory = new ApiFactory(provider);
        _ = factory.Server;
        await Task.WhenAll(
            Enumerable
                .Range(0, 24)
                .Select(async i =>
                {
                    await using var scope = factory.Services.CreateAsyncScope();
                    await scope
                        .ServiceProvider.GetRequiredService<AuditLog>()
                        .AppendAsync("system:test", null, "test.append", $"t-{i}");
                })
        );

        await using var check = factory.Services.CreateAsyncScope();
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
        ApiFactory.RequireProvider(provider);
        using var factory = new ApiFactory(provider);
        await using var scope = factory.Services.CreateAsyncScope();
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
        ApiFactory.RequireProvider("Postgres");
        using var first = new ApiFactory("Postgres");
        using var second = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?> { ["ConnectionStrings:SmartOffice"] = first.ConnectionString }
        );
        _ = first.Server;
        _ = second.Server;
        await Task.WhenAll(
            new[] { first, second }.SelectMany(
                (factory, f) =>
                    Enumerable
                        .Range(0, 150)
                        .Select(async i =>
                        {
                            await using var scope = factory.Services.CreateAsyncScope();
                            await scope
                                .ServiceProvider.GetRequiredService<AuditLog>()
                                .AppendAsync("system:test", null, "test.race", $"p{f}-{i}");
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
