using System.Net.Http.Json;
using System.Text.Json;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Agency staff register, assign and answer; the sender follows it all, with sealed evidence at each step.
/// </summary>
[TestClass]
public sealed class ClerkTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_letter_is_registered_assigned_and_answered_and_the_sender_sees_each_step(string provider)
    {
        var factory = Factories.Shared(provider);
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = await SendDeliveredAsync(factory, company);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        using var head = await ApiSession.StaffAsync(factory, "dulguun");
        using var executor = await ApiSession.StaffAsync(factory, "gantulga");

        var registered = await OkAsync(await registrar.Http.PostAsync($"/api/letters/{id}/register", null));
        StringAssert.StartsWith(
            registered.GetProperty("delivery").GetProperty("incomingNumber").GetString(),
            TimeZoneInfo
                .ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ulaanbaatar"))
                .Year + "/"
        );
        var assigned = await OkAsync(
            await head.Http.PostAsJsonAsync($"/api/letters/{id}/assign", new { executor = "gantulga" })
        );
        Assert.AreEqual("Assigned", assigned.GetProperty("delivery").GetProperty("state").GetString());

        var reply = TestPki.SignedLetter(TestPki.Pki.Agency, $"Хариу {id}");
        var replyResponse = await executor.SubmitAsync(reply, ["5123456"], null, "Хариу", inReplyTo: id);
        var replyId = (await OkAsync(replyResponse, 202)).GetProperty("id").GetString();
        await OkAsync(
            await executor.Http.PostAsJsonAsync($"/api/letters/{id}/answer", new { replyLetterId = replyId })
        );

        var seen = (await company.GetJsonAsync($"/api/letters/{id}")).GetProperty("recipients")[0];
        Assert.AreEqual("Answered", seen.GetProperty("state").GetString());
        Assert.AreEqual(
            registered.GetProperty("delivery").GetProperty("incomingNumber").GetString(),
            seen.GetProperty("incomingNumber").GetString()
        );
        Assert.AreEqual(replyId, seen.GetProperty("replyLetterId").GetString());
        Assert.AreNotEqual(JsonValueKind.Null, seen.GetProperty("dueDate").ValueKind);
        var events = (await company.GetJsonAsync($"/api/letters/{id}/evidence")).EnumerateArray().ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "Registration", "Assignment", "Answer" },
            events.Select(e => e.GetProperty("event").GetString()).ToList()
        );
        StringAssert.Contains(
            events.Single(e => e.GetProperty("event").GetString() == "Registration").GetProperty("json").GetString(),
            seen.GetProperty("incomingNumber").GetString()
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Concurrent_registrars_never_share_an_incoming_number(string provider)
    {
        var factory = Factories.Shared(provider);
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await SendDeliveredAsync(factory, company));
        }

        var clerks = await Task.WhenAll(ids.Select(_ => ApiSession.StaffAsync(factory, "bichig")));
        var numbers = await Task.WhenAll(
            ids.Select(
                async (id, i) =>
                    (await OkAsync(await clerks[i].Http.PostAsync($"/api/letters/{id}/register", null)))
                        .GetProperty("delivery")
                        .GetProperty("incomingNumber")
                        .GetString()
            )
        );

        Assert.HasCount(ids.Count, numbers.Distinct().ToList(), string.Join(", ", numbers));
    }

    [TestMethod]
    public async Task Reporting_a_letter_hides_it_and_flags_the_sender_for_the_administrator()
    {
        using var factory = new ApiFactory("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyB);
        var id = await SendDeliveredAsync(factory, company);
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");

        await OkAsync(
            await clerk.Http.PostAsJsonAsync($"/api/letters/{id}/report", new { reason = "зар сурталчилгаа" })
        );

        var inbox = await clerk.GetJsonAsync("/api/inbox?pageSize=200");
        Assert.IsFalse(
            inbox.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("letterId").GetString() == id)
        );
        using var admin = await ApiSession.StaffAsync(factory, "admin");
        var flagged = await admin.GetJsonAsync("/api/admin/accounts?flagged=true");
        Assert.IsTrue(flagged.EnumerateArray().Any(a => a.GetProperty("registryNumber").GetString() == "6234567"));
    }

    [TestMethod]
    public async Task Only_staff_of_the_recipient_agency_may_act()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = await SendDeliveredAsync(factory, company);

        await ProblemAssert.HasCodeAsync(
            await company.Http.PostAsync($"/api/letters/{id}/register", null),
            403,
            "forbidden"
        );
        using var other = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyB);
        await ProblemAssert.HasCodeAsync(
            await other.Http.PostAsync($"/api/letters/{id}/register", null),
            403,
            "forbidden"
        );
    }

    [TestMethod]
    public async Task A_reason_with_control_or_bidirectional_characters_is_refused_before_it_is_sealed()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = await SendDeliveredAsync(factory, company);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");

        await ProblemAssert.HasCodeAsync(
            await registrar.Http.PostAsJsonAsync($"/api/letters/{id}/report", new { reason = "зар\u202Eсурталчилгаа" }),
            400,
            "validation"
        );
        await OkAsync(await registrar.Http.PostAsync($"/api/letters/{id}/register", null));
        using var head = await ApiSession.StaffAsync(factory, "dulguun");
        await ProblemAssert.HasCodeAsync(
            await head.Http.PostAsJsonAsync($"/api/letters/{id}/close", new { reason = "хаав\u0007\u001b[2J" }),
            400,
            "validation"
        );
        var seen = (await company.GetJsonAsync($"/api/letters/{id}")).GetProperty("recipients")[0];
        Assert.AreEqual("Registered", seen.GetProperty("state").GetString());
    }

    private static async Task<string> SendDeliveredAsync(ApiFactory factory, ApiSession company)
    {
        var id = (
            await company.AcceptedAsync(
                TestPki.SignedLetter(
                    TestPki.Pki.CompanyA.RegistryNumber
                    == company.Token.GetProperty("organization").GetProperty("registryNumber").GetString()
                        ? TestPki.Pki.CompanyA
                        : TestPki.Pki.CompanyB
                ),
                "9011001"
            )
        )
            .GetProperty("id")
            .GetString()!;
        for (var i = 0; i < 100; i++)
        {
            var state = (await company.GetJsonAsync($"/api/letters/{id}"))
                .GetProperty("recipients")[0]
                .GetProperty("state")
                .GetString();
            if (state != "Queued")
            {
                return id;
            }

            await Task.Delay(100);
        }

        Assert.Fail("not delivered");
        return id;
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, (int)response.StatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
