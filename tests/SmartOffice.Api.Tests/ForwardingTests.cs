using System.Net.Http.Json;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>
/// An agency forwards a received letter to the competent agency: the same bytes reach the new agency like any letter,
/// the sender sees the forward, and a sealed Forwarding evidence stands in each agency's part of the chain.
/// </summary>
[TestClass]
public sealed class ForwardingTests
{
    private const string Competent = "9011006";

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_forwarded_letter_reaches_the_competent_agency_and_both_chains_seal_the_forward(string provider)
    {
        var factory = Factories.Shared(provider);
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var pdf = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var id = (await company.AcceptedAsync(pdf, "9011001")).GetProperty("id").GetString()!;
        await WaitForAsync(company, id, "9011001", "Delivered");
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        await OkAsync(await registrar.Http.PostAsync($"/api/letters/{id}/register", null));

        var forwarded = await OkAsync(
            await registrar.Http.PostAsJsonAsync(
                $"/api/letters/{id}/forward",
                new { to = Competent, reason = "Газар олголт тус газрын харьяа" }
            )
        );

        Assert.AreEqual("Forwarded", forwarded.GetProperty("delivery").GetProperty("state").GetString());
        Assert.AreEqual(Competent, forwarded.GetProperty("delivery").GetProperty("forwardedTo").GetString());
        var arrived = await WaitForAsync(company, id, Competent, "Delivered");
        Assert.AreEqual("9011001", arrived.GetProperty("forwardedBy").GetString());
        Assert.AreEqual("Газар олголт тус газрын харьяа", arrived.GetProperty("forwardReason").GetString());

        var evidences = (await company.GetJsonAsync($"/api/letters/{id}/evidence")).EnumerateArray().ToList();
        var forwards = evidences.Where(e => e.GetProperty("event").GetString() == "Forwarding").ToList();
        CollectionAssert.AreEquivalent(
            new[] { "9011001", Competent },
            forwards.Select(e => e.GetProperty("recipient").GetString()).ToArray()
        );
        foreach (var evidence in forwards)
        {
            var json = evidence.GetProperty("json").GetString()!;
            var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(json)), detached: true);
            cms.Decode(Convert.FromBase64String(evidence.GetProperty("seal").GetString()!));
            cms.CheckSignature(verifySignatureOnly: true);
            var details = JsonDocument.Parse(json).RootElement.GetProperty("details");
            Assert.AreEqual(Competent, details.GetProperty("to").GetString());
            Assert.IsTrue(details.TryGetProperty("incomingNumber", out _), "the forwarding agency's number goes along");
        }

        Assert.IsTrue(
            evidences.Any(e =>
                e.GetProperty("event").GetString() == "ContentConsignment"
                && e.GetProperty("recipient").GetString() == Competent
            ),
            "the competent agency's delivery is sealed like any other"
        );

        // The competent agency has the letter in its inbox: the same letter, the same bytes.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == Competent);
        Assert.IsTrue(
            await db
                .Deliveries.Where(DeliveryRules.ReceivedBy(agency.Id))
                .AnyAsync(d => d.LetterId == Guid.Parse(id) && d.Letter!.DocumentSha256 == Sha256(pdf))
        );
        // The forwarding agency keeps the letter among its finished ones, and cannot forward it again.
        await ProblemAssert.HasCodeAsync(
            await registrar.Http.PostAsJsonAsync($"/api/letters/{id}/forward", new { to = "9011003", reason = "x" }),
            409,
            "invalid_state"
        );
    }

    [TestMethod]
    public async Task Forwarding_needs_a_registrar_a_reason_and_an_agency_that_does_not_have_the_letter()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", Competent))
            .GetProperty("id")
            .GetString()!;
        await WaitForAsync(company, id, "9011001", "Delivered");
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        using var executor = await ApiSession.StaffAsync(factory, "gantulga");

        await ProblemAssert.HasCodeAsync(
            await executor.Http.PostAsJsonAsync($"/api/letters/{id}/forward", new { to = "9011003", reason = "r" }),
            403,
            "forbidden"
        );
        await ProblemAssert.HasCodeAsync(
            await registrar.Http.PostAsJsonAsync($"/api/letters/{id}/forward", new { to = "9011003", reason = " " }),
            400,
            "validation"
        );
        await ProblemAssert.HasCodeAsync(
            await registrar.Http.PostAsJsonAsync(
                $"/api/letters/{id}/forward",
                new { to = "9011003", reason = "харьяа\u202Eэс\u001b[31m" }
            ),
            400,
            "validation"
        );
        await ProblemAssert.HasCodeAsync(
            await registrar.Http.PostAsJsonAsync($"/api/letters/{id}/forward", new { to = "5123456", reason = "r" }),
            422,
            "recipient_unknown"
        );
        await ProblemAssert.HasCodeAsync(
            await registrar.Http.PostAsJsonAsync($"/api/letters/{id}/forward", new { to = Competent, reason = "r" }),
            409,
            "invalid_state"
        );
        var seen = (await company.GetJsonAsync($"/api/letters/{id}")).GetProperty("recipients")[0];
        Assert.AreEqual("Delivered", seen.GetProperty("state").GetString(), "a refused forward changes nothing");
    }

    private static async Task<JsonElement> WaitForAsync(ApiSession company, string id, string recipient, string state)
    {
        for (var i = 0; i < 200; i++)
        {
            var found = (await company.GetJsonAsync($"/api/letters/{id}"))
                .GetProperty("recipients")
                .EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("registryNumber").GetString() == recipient);
            if (found.ValueKind != JsonValueKind.Undefined && found.GetProperty("state").GetString() == state)
            {
                return found;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{recipient} never reached {state}");
        return default;
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(200, (int)response.StatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Sha256(byte[] content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
