using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Evidences are listed and extended in chain order, whatever their times say: in production the Worker that seals a
/// delivery runs on another host, whose clock may be behind the Api's by more than the delivery took.
/// </summary>
[TestClass]
public sealed class EvidenceOrderTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_delivery_stamped_before_its_acceptance_is_listed_after_it_and_the_opening_follows_it(
        string provider
    )
    {
        var factory = Factories.Shared(provider);
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = Guid.Parse(
            (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
                .GetProperty("id")
                .GetString()!
        );
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        Guid deliveryEvidence = default;
        for (var attempt = 0; attempt < 100 && deliveryEvidence == default; attempt++)
        {
            await Task.Delay(100);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var evidences = await db.Evidences.Where(e => e.LetterId == id).ToListAsync();
            if (evidences.FirstOrDefault(e => e.Event == "ContentConsignment") is { } delivery)
            {
                // What a worker whose clock is 40 ms behind the Api's would have stamped.
                delivery.EventTime = evidences
                    .Single(e => e.Event == "SubmissionAcceptance")
                    .EventTime.AddMilliseconds(-40);
                await db.SaveChangesAsync();
                deliveryEvidence = delivery.Id;
            }
        }

        Assert.AreNotEqual(default, deliveryEvidence, "the letter was not delivered within 10 s");
        (await clerk.Http.GetAsync($"/api/letters/{id}/document")).EnsureSuccessStatusCode();

        var listed = (await sender.GetJsonAsync($"/api/letters/{id}/evidence")).EnumerateArray().ToList();
        CollectionAssert.AreEqual(
            new[] { "SubmissionAcceptance", "ContentConsignment", "ContentAccessTracking" },
            listed.Select(e => e.GetProperty("event").GetString()).ToArray()
        );
        var opening = JsonDocument.Parse(listed[2].GetProperty("json").GetString()!).RootElement;
        Assert.AreEqual(deliveryEvidence, opening.GetProperty("previousEvidenceId").GetGuid());
    }
}
