using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.LetterDelivery;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Every step of a letter is one unit of work under the letter's lock: a registration, the first opening and a
/// delivery (sent twice, as a redelivery would) racing on one letter still leave one unbroken evidence chain.
/// </summary>
[TestClass]
public sealed class LetterStepConcurrencyTests
{
    private const int Rounds = 12;

    [TestMethod]
    [DataRow("Postgres")]
    [DataRow("Sqlite")]
    public async Task A_clerk_action_a_first_opening_and_a_redelivery_on_one_letter_leave_one_unbroken_chain(
        string provider
    )
    {
        ApiFactory.RequireProvider(provider);
        // Nothing is published by itself: the test delivers each recipient when it chooses.
        using var factory = new ApiFactory(provider, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        var batcher = factory.Services.GetRequiredService<DeliveryBatcher>();
        for (var round = 0; round < Rounds; round++)
        {
            await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", "9011002");
            var message = await LastMessageAsync(factory);
            await batcher.DeliverAsync(message with { RecipientRegistryNumbers = ["9011001"] }, CancellationToken.None);

            // The registrar's agency registers and opens the letter while the second recipient's delivery arrives
            // twice.
            var toSecond = message with { RecipientRegistryNumbers = ["9011002"] };
            var register = registrar.Http.PostAsync($"/api/letters/{message.LetterId}/register", null);
            var open = registrar.Http.GetAsync($"/api/letters/{message.LetterId}/document");
            await Task.WhenAll(
                register,
                open,
                batcher.DeliverAsync(toSecond, CancellationToken.None),
                batcher.DeliverAsync(toSecond, CancellationToken.None)
            );
            Assert.IsTrue((await register).IsSuccessStatusCode, await (await register).Content.ReadAsStringAsync());
            Assert.IsTrue((await open).IsSuccessStatusCode);

            await AssertOneUnbrokenChainAsync(factory, message.LetterId, round);
        }
    }

    private static async Task<LetterSubmitted> LastMessageAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var payload = await db
            .OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Select(m => m.Payload)
            .FirstAsync();
        return JsonSerializer.Deserialize<LetterSubmitted>(payload, SmartOffice.Exchange.ExchangeJson.Options)!;
    }

    private static async Task AssertOneUnbrokenChainAsync(ApiFactory factory, Guid letterId, int round)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var evidences = await db.Evidences.AsNoTracking().Where(e => e.LetterId == letterId).ToListAsync();
        CollectionAssert.AreEquivalent(
            new[]
            {
                "SubmissionAcceptance",
                "ContentConsignment",
                "ContentConsignment",
                "ContentAccessTracking",
                "Registration",
            },
            evidences.Select(e => e.Event).ToArray(),
            $"round {round}: one evidence per step"
        );
        Assert.AreEqual(1, evidences.Count(e => e.PreviousEvidenceId is null), $"round {round}: one start");
        Assert.AreEqual(
            evidences.Count - 1,
            evidences.Where(e => e.PreviousEvidenceId is not null).Select(e => e.PreviousEvidenceId).Distinct().Count(),
            $"round {round}: no evidence has two successors (a fork)"
        );
        var ordered = EvidenceChain.Order(evidences);
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.AreEqual(
                ordered[i - 1].Id,
                ordered[i].PreviousEvidenceId,
                $"round {round}: evidence {i} follows the one before it"
            );
        }

        var deliveries = await db
            .Deliveries.AsNoTracking()
            .Where(d => d.LetterId == letterId)
            .OrderBy(d => d.RecipientRegistryNumber)
            .ToListAsync();
        Assert.AreEqual(DeliveryState.Registered, deliveries[0].State);
        Assert.IsNotNull(deliveries[0].OpenedAt);
        Assert.AreEqual(DeliveryState.Delivered, deliveries[1].State);
    }
}
