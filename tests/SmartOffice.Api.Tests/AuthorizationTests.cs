using System.Net;
using System.Text.Json;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests;

/// <summary>
/// A company sees only letters it sent or received; agency staff only their agency's. Every read is tried as the wrong
/// organization.
/// </summary>
[TestClass]
public sealed class AuthorizationTests
{
    private static DemoPki Pki => TestPki.Pki;

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Another_organization_gets_404_on_every_read_of_a_letter(string provider)
    {
        var factory = Factories.Shared(provider);
        using var sender = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();
        var outsider = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Outsider",
                OrganizationName = "Хөх Тэнгэр Барилга ХХК",
                RegistryNumber = "5301122",
            }
        );
        using var other = await ApiSession.CompanyAsync(factory, outsider);
        using var companyB = await ApiSession.CompanyAsync(factory, Pki.CompanyB);

        foreach (var session in new[] { other, companyB })
        {
            foreach (
                var path in new[]
                {
                    $"/api/letters/{id}",
                    $"/api/letters/{id}/document",
                    $"/api/letters/{id}/report",
                    $"/api/letters/{id}/evidence",
                }
            )
            {
                await ProblemAssert.HasCodeAsync(await session.Http.GetAsync(path), 404, "not_found");
            }

            var inbox = await session.GetJsonAsync("/api/inbox?pageSize=200");
            var outbox = await session.GetJsonAsync("/api/outbox?pageSize=200");
            Assert.IsFalse(
                inbox
                    .GetProperty("items")
                    .EnumerateArray()
                    .Concat(outbox.GetProperty("items").EnumerateArray())
                    .Any(i => i.GetProperty("letterId").GetString() == id)
            );
        }
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task The_recipient_agency_receives_the_letter_and_its_first_opening_is_evidenced(string provider)
    {
        var factory = Factories.Shared(provider);
        using var sender = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);
        var id = (await sender.AcceptedAsync(pdf, "9011001")).GetProperty("id").GetString();
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");

        var item = await EventuallyAsync(async () =>
            (await clerk.GetJsonAsync("/api/inbox?pageSize=200"))
                .GetProperty("items")
                .EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("letterId").GetString() == id)
        );
        Assert.AreEqual("Delivered", item.GetProperty("recipients")[0].GetProperty("state").GetString());

        var document = await clerk.Http.GetAsync($"/api/letters/{id}/document");
        CollectionAssert.AreEqual(pdf, await document.Content.ReadAsByteArrayAsync());
        var letter = await sender.GetJsonAsync($"/api/letters/{id}");
        Assert.AreEqual("Opened", letter.GetProperty("recipients")[0].GetProperty("state").GetString());
        var events = (await sender.GetJsonAsync($"/api/letters/{id}/evidence"))
            .EnumerateArray()
            .Select(e => e.GetProperty("event").GetString())
            .ToList();
        CollectionAssert.AreEqual(
            new[] { "SubmissionAcceptance", "ContentConsignment", "ContentAccessTracking" },
            events
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_recipient_sees_only_its_own_delivery_and_evidence(string provider)
    {
        var factory = Factories.Shared(provider);
        using var sender = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001", "6234567"))
            .GetProperty("id")
            .GetString();
        using var companyB = await ApiSession.CompanyAsync(factory, Pki.CompanyB);

        var letter = await EventuallyAsync(async () =>
        {
            var response = await companyB.Http.GetAsync($"/api/letters/{id}");
            return response.StatusCode == HttpStatusCode.OK
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                : default;
        });
        Assert.AreEqual(1, letter.GetProperty("recipients").GetArrayLength());
        Assert.AreEqual("6234567", letter.GetProperty("recipients")[0].GetProperty("registryNumber").GetString());
        var evidence = await companyB.GetJsonAsync($"/api/letters/{id}/evidence");
        Assert.IsFalse(evidence.EnumerateArray().Any(e => e.GetProperty("recipient").GetString() == "9011001"));
    }

    [TestMethod]
    [DataRow("/api/admin/accounts")]
    [DataRow("/api/admin/trust")]
    public async Task Companies_and_agency_staff_cannot_use_administration(string path)
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");

        await ProblemAssert.HasCodeAsync(await company.Http.GetAsync(path), 403, "forbidden");
        await ProblemAssert.HasCodeAsync(await clerk.Http.GetAsync(path), 403, "forbidden");
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> probe)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var value = await probe();
            if (value.ValueKind != JsonValueKind.Undefined)
            {
                return value;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the letter did not arrive within 10 s");
        return default;
    }
}
