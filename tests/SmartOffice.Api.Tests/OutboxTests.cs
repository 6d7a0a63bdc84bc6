using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>The outbox: a letter committed but not yet published survives the Api dying and is published to RabbitMQ after restart.</summary>
[TestClass]
public sealed class OutboxTests
{
    private const string LetterSubmittedExchange = "SmartOffice.Exchange.Messaging.Contracts:LetterSubmitted";

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_letter_committed_before_a_crash_is_published_after_restart(string provider)
    {
        ApiFactory.RequireProvider(provider);
        await using var broker = await Broker.WatchAsync(LetterSubmittedExchange);
        string letterId;
        string connectionString;
        string dataPath;
        using (var crashing = new ApiFactory(provider, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }))
        {
            using var company = await ApiSession.CompanyAsync(crashing, TestPki.Pki.CompanyA);
            letterId = (await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001")).GetProperty("id").GetString()!;
            Assert.AreEqual(1, await UnsentAsync(crashing));
            (connectionString, dataPath) = (crashing.ConnectionString, crashing.DataPath);
        }

        var restart = new Dictionary<string, string?>(Broker.Settings) { ["ConnectionStrings:SmartOffice"] = connectionString, ["Data:Path"] = dataPath, ["Archive:Path"] = Path.Combine(dataPath, "archive") };
        using var restarted = new ApiFactory(provider, restart);
        _ = restarted.Server;

        var published = await broker.ReceiveAsync(1, TimeSpan.FromSeconds(30));
        Assert.HasCount(1, published);
        Assert.AreEqual(letterId, published[0].GetProperty("letterId").GetString());
        for (var i = 0; i < 50 && await UnsentAsync(restarted) > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.AreEqual(0, await UnsentAsync(restarted), "the row is marked sent once the broker confirmed");
    }

    private static async Task<int> UnsentAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeDbContext>().OutboxMessages.CountAsync(m => m.SentAt == null);
    }
}
