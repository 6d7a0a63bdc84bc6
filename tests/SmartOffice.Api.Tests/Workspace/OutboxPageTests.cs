using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// /outbox: the sender follows each recipient's steps with their evidences, and nobody else sees them.
/// </summary>
[TestClass]
public sealed partial class OutboxPageTests
{
    [TestMethod]
    public async Task The_outbox_shows_the_incoming_number_once_the_agency_registers_the_letter()
    {
        var factory = Factories.Shared("Sqlite");
        using var api = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var subject = $"Гарах {Guid.NewGuid():N}";
        var id = await SendDeliveredAsync(api, subject);
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        var registered = await clerk.Http.PostAsync($"/api/letters/{id}/register", null);
        var incoming = JsonDocument
            .Parse(await registered.Content.ReadAsStringAsync())
            .RootElement.GetProperty("delivery")
            .GetProperty("incomingNumber")
            .GetString()!;
        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);

        var html = await company.GetPageAsync($"/outbox?q={Uri.EscapeDataString(subject)}");

        StringAssert.Contains(html, $"href=\"/letters/{id}\"");
        StringAssert.Contains(html, incoming);
        StringAssert.Contains(html, "data-step=\"Registered\"");
        StringAssert.Contains(html, $"/letters/{id}/evidence/");
    }

    [TestMethod]
    public async Task The_outbox_finds_letters_by_the_recipients_name_and_the_live_update_reloads_one_letter()
    {
        var factory = Factories.Shared("Sqlite");
        using var api = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = await SendDeliveredAsync(api, $"Нэрээр {Guid.NewGuid():N}");
        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);

        var found = await company.GetPageAsync($"/outbox?q={Uri.EscapeDataString("засаг даргын тамгын")}");
        var block = await company.GetPageAsync($"/outbox?handler=Letter&id={id}");

        StringAssert.Contains(found, id);
        StringAssert.StartsWith(block.Trim(), "<article");
        StringAssert.Contains(block, "data-step=\"Delivered\"");
    }

    [TestMethod]
    public async Task Another_company_never_sees_the_letter_in_its_outbox()
    {
        var factory = Factories.Shared("Sqlite");
        using var api = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var subject = $"Бусдад үл харагдах {Guid.NewGuid():N}";
        var id = await SendDeliveredAsync(api, subject);
        using var other = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyB);

        var html = await other.GetPageAsync($"/outbox?q={Uri.EscapeDataString(subject)}");

        Assert.DoesNotContain(id, html);
        Assert.DoesNotContain(
            "class=\"card outbox-letter\"",
            html,
            "the search echoes the subject, but no letter may be listed"
        );
        await other.GetPageAsync($"/outbox?handler=Letter&id={id}", HttpStatusCode.NotFound);
    }

    private static async Task<string> SendDeliveredAsync(ApiSession company, string subject)
    {
        var response = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA),
            ["9011001"],
            null,
            subject
        );
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        var id = JsonDocument
            .Parse(await response.Content.ReadAsStringAsync())
            .RootElement.GetProperty("id")
            .GetString()!;
        for (var i = 0; i < 100; i++)
        {
            if (
                (await company.GetJsonAsync($"/api/letters/{id}"))
                    .GetProperty("recipients")[0]
                    .GetProperty("state")
                    .GetString() != "Queued"
            )
            {
                return id;
            }

            await Task.Delay(100);
        }

        Assert.Fail("not delivered");
        return id;
    }

    [TestMethod]
    public async Task Older_pages_walk_every_letter_once_even_when_many_were_sent_at_the_same_instant()
    {
        using var factory = new ApiFactory("Sqlite");
        var seeded = await InboxPageTests.SeedAsync(factory, 83);
        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);

        var seen = new List<Guid>();
        var path = "/outbox";
        for (var pages = 0; path is not null && pages < 20; pages++)
        {
            var html = await company.GetPageAsync(path);
            seen.AddRange(LetterPattern().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)));
            var next = OlderPattern().Match(html);
            path = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        Assert.HasCount(seeded.Count, seen);
        CollectionAssert.AreEquivalent(seeded, seen);
    }

    [GeneratedRegex("<h2 id=\"subject-([0-9a-f-]{36})\">")]
    private static partial Regex LetterPattern();

    [GeneratedRegex("href=\"(/outbox\\?[^\"]+)\" rel=\"next\"")]
    private static partial Regex OlderPattern();
}
