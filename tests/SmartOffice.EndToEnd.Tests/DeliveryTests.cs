using System.Net.Http.Json;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>Api → RabbitMQ → Worker → PostgreSQL, all real: delivery, non-delivery, poison messages.</summary>
[TestClass]
public sealed class DeliveryTests
{
    private static Dictionary<string, string?> RabbitSettings => new(Broker.Settings);

    [TestMethod]
    public async Task A_letter_to_an_agency_and_a_company_reaches_both_inboxes_with_sealed_delivery_evidence()
    {
        ApiFactory.RequireProvider("Postgres");
        using var api = new ApiFactory("Postgres", RabbitSettings);
        await using var worker = await WorkerProcess.StartAsync(api);
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", "6234567"))
            .GetProperty("id")
            .GetString();

        var letter = await EventuallyAsync(sender, $"/api/letters/{id}", l =>
            l.GetProperty("recipients").EnumerateArray().All(r => r.GetProperty("state").GetString() == "Delivered")
        );

        Assert.AreEqual(2, letter.GetProperty("recipients").GetArrayLength());
        using var clerk = await ApiSession.StaffAsync(api, "bichig");
        using var companyB = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyB);
        foreach (var inbox in new[] { clerk, companyB })
        {
            var items = (await inbox.GetJsonAsync("/api/inbox?pageSize=200")).GetProperty("items");
            Assert.IsTrue(items.EnumerateArray().Any(i => i.GetProperty("letterId").GetString() == id));
        }

        var consignments = (await sender.GetJsonAsync($"/api/letters/{id}/evidence"))
            .EnumerateArray()
            .Where(e => e.GetProperty("event").GetString() == "ContentConsignment")
            .ToList();
        Assert.HasCount(2, consignments);
        foreach (var evidence in consignments)
        {
            var cms = new SignedCms(
                new ContentInfo(Encoding.UTF8.GetBytes(evidence.GetProperty("json").GetString()!)),
                detached: true
            );
            cms.Decode(Convert.FromBase64String(evidence.GetProperty("seal").GetString()!));
            cms.CheckSignature(verifySignatureOnly: true);
        }
    }

    [TestMethod]
    public async Task A_recipient_removed_before_delivery_gets_a_non_delivery_evidence_the_sender_sees()
    {
        ApiFactory.RequireProvider("Postgres");
        var organization = $"77{Random.Shared.Next(10000, 99999)}";
        using var api = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>(RabbitSettings) { ["Outbox:Enabled"] = "false" }
        );
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            db.Organizations.Add(
                new Organization
                {
                    RegistryNumber = organization,
                    Name = "Татан буугдсан газар",
                    CreatedAt = DateTimeOffset.UtcNow,
                    Kind = OrganizationKind.Agency,
                }
            );
            await db.SaveChangesAsync();
        }

        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", organization))
            .GetProperty("id")
            .GetString();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope
                .ServiceProvider.GetRequiredService<ExchangeDbContext>()
                .Organizations.Where(o => o.RegistryNumber == organization)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Removed));
        }

        using var publishing = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>(RabbitSettings)
            {
                ["ConnectionStrings:SmartOffice"] = api.ConnectionString,
                ["Data:Path"] = api.DataPath,
                ["Archive:Path"] = Path.Combine(api.DataPath, "archive"),
            }
        );
        await using var worker = await WorkerProcess.StartAsync(publishing);
        _ = publishing.Server;

        var letter = await EventuallyAsync(sender, $"/api/letters/{id}", l =>
            l.GetProperty("recipients").EnumerateArray().All(r => r.GetProperty("state").GetString() != "Queued")
        );
        var removed = letter
            .GetProperty("recipients")
            .EnumerateArray()
            .Single(r => r.GetProperty("registryNumber").GetString() == organization);
        Assert.AreEqual("NotDelivered", removed.GetProperty("state").GetString());
        var failure = (await sender.GetJsonAsync($"/api/letters/{id}/evidence"))
            .EnumerateArray()
            .Single(e => e.GetProperty("event").GetString() == "ContentConsignmentFailure");
        StringAssert.Contains(failure.GetProperty("json").GetString(), "removed");
    }

    [TestMethod]
    public async Task A_poison_message_ends_in_the_error_queue_and_can_be_listed_and_replayed()
    {
        ApiFactory.RequireProvider("Postgres");
        using var api = new ApiFactory("Postgres", RabbitSettings);
        await using var worker = await WorkerProcess.StartAsync(api);
        using var anonymous = new HttpClient { BaseAddress = worker.Address };
        Assert.AreEqual(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/errors")).StatusCode);
        Assert.AreEqual(
            System.Net.HttpStatusCode.Unauthorized,
            (await anonymous.PostAsync("/admin/errors/replay", null)).StatusCode
        );
        using var admin = new HttpClient { BaseAddress = worker.Address };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", WorkerProcess.AdminKey);
        var poison = Guid.NewGuid();
        await api
            .Services.GetRequiredService<IPublishEndpoint>()
            .Publish(
                new LetterSubmitted
                {
                    LetterId = poison,
                    SenderRegistryNumber = "5123456",
                    RecipientRegistryNumbers = ["9011001"],
                    DocumentSha256 = new string('0', 64),
                }
            );

        JsonElement entry = default;
        for (var i = 0; i < 200 && entry.ValueKind == JsonValueKind.Undefined; i++)
        {
            await Task.Delay(200);
            var errors = await admin.GetFromJsonAsync<JsonElement>("/admin/errors?max=100000");
            entry = errors
                .EnumerateArray()
                .FirstOrDefault(e =>
                    e.GetProperty("body").GetString()!.Contains(poison.ToString(), StringComparison.Ordinal)
                );
        }

        Assert.AreNotEqual(
            JsonValueKind.Undefined,
            entry.ValueKind,
            "the poison message did not reach the error queue"
        );
        var ready = await anonymous.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.AreEqual(
            "Degraded",
            ready.GetProperty("checks").GetProperty("error-queue").GetProperty("status").GetString()
        );
        StringAssert.Contains(entry.GetProperty("reason").GetString(), "does not exist");
        var replay = await (
            await admin.PostAsync("/admin/errors/replay", null)
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsGreaterThanOrEqualTo(1, replay.GetProperty("replayed").GetInt32());
    }

    private static async Task<JsonElement> EventuallyAsync(
        ApiSession session,
        string path,
        Func<JsonElement, bool> done
    )
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var value = await session.GetJsonAsync(path);
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{path} did not reach the expected state within 15 s");
        return default;
    }
}
