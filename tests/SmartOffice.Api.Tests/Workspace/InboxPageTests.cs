using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>/inbox: tabs with counts, search and filters, keyset paging without gaps, companies' own inbox.</summary>
[TestClass]
public sealed partial class InboxPageTests
{
    [TestMethod]
    public async Task A_letter_moves_from_new_to_unassigned_to_in_progress_to_overdue_to_done()
    {
        var factory = Factories.Shared("Sqlite");
        var subject = $"Тендерийн материал {Guid.NewGuid():N}";
        var id = await LetterPageTests.DeliveredLetterAsync(factory, subject);
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        StringAssert.Contains(await clerk.GetPageAsync("/inbox?tab=new"), subject);

        await clerk.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        Assert.DoesNotContain(subject, await clerk.GetPageAsync("/inbox?tab=new"));
        StringAssert.Contains(await clerk.GetPageAsync("/inbox?tab=unassigned"), subject);
        Assert.DoesNotContain(subject, await clerk.GetPageAsync("/inbox?tab=progress"));

        await clerk.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Assign",
            new() { ["executor"] = "gantulga" }
        );
        StringAssert.Contains(await clerk.GetPageAsync("/inbox?tab=progress"), subject);
        Assert.DoesNotContain(subject, await clerk.GetPageAsync("/inbox?tab=unassigned"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await db
            .Deliveries.Where(d => d.LetterId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueDate, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))));
        var overdue = await clerk.GetPageAsync("/inbox?tab=overdue");
        StringAssert.Contains(overdue, subject);
        StringAssert.Contains(overdue, "class=\"overdue\"");
        StringAssert.Matches(overdue, new Regex("[23] хоног хэтэрсэн"), "days late, in the service's calendar");
        Assert.DoesNotContain(subject, await clerk.GetPageAsync("/inbox?tab=progress"));

        using var head = await WorkspaceClient.StaffAsync(factory, "dulguun");
        await head.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Close", new() { ["reason"] = "давхардсан" });
        StringAssert.Contains(await clerk.GetPageAsync("/inbox?tab=done"), subject);
    }

    [TestMethod]
    public async Task Each_role_lands_on_its_own_work_and_sees_the_tabs_for_it()
    {
        var factory = Factories.Shared("Sqlite");
        var subject = $"Хуваарилалт {Guid.NewGuid():N}";
        var id = await LetterPageTests.DeliveredLetterAsync(factory, subject);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        // Other tests share this agency's inbox: the search keeps the page to this letter, the tab is the landing one.
        var only = $"q={Uri.EscapeDataString(subject[^32..])}";
        var landing = await registrar.GetPageAsync($"/inbox?{only}");
        StringAssert.Contains(landing, "aria-current=\"page\" id=\"tab-new\"");
        StringAssert.Contains(landing, subject);
        Assert.DoesNotContain("id=\"tab-week\"", landing, "due this week is the head's");

        await registrar.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Assign",
            new()
            {
                ["executor"] = "gantulga",
                ["dueDate"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }
        );
        using var executor = await WorkspaceClient.StaffAsync(factory, "gantulga");
        var mine = await executor.GetPageAsync($"/inbox?{only}");
        StringAssert.Contains(mine, "aria-current=\"page\" id=\"tab-mine\"");
        StringAssert.Contains(mine, subject);
        using var head = await WorkspaceClient.StaffAsync(factory, "dulguun");
        var headLanding = await head.GetPageAsync($"/inbox?{only}");
        StringAssert.Contains(headLanding, "aria-current=\"page\" id=\"tab-overdue\"");
        StringAssert.Contains(headLanding, "href=\"/stats\"");
        StringAssert.Contains(await head.GetPageAsync($"/inbox?tab=week&{only}"), subject);
        Assert.DoesNotContain(subject, await head.GetPageAsync($"/inbox?tab=mine&{only}"), "assigned to someone else");
        StringAssert.Contains(await head.GetPageAsync($"/inbox?tab=all&{only}"), subject);
    }

    [TestMethod]
    public async Task A_registrar_registers_and_assigns_several_letters_at_once_each_with_its_own_evidence()
    {
        var factory = Factories.Shared("Sqlite");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await LetterPageTests.DeliveredLetterAsync(factory, $"Багц {i} {Guid.NewGuid():N}"));
        }

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        StringAssert.Contains(await clerk.GetPageAsync("/inbox?tab=new"), $"form=\"bulk-form\" id=\"select-{ids[0]}\"");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5));
        using var form = new MultipartFormDataContent();
        foreach (var id in ids.Append(Guid.NewGuid()))
        {
            form.Add(new StringContent(id.ToString()), "ids");
        }

        form.Add(new StringContent("assign"), "bulkAction");
        form.Add(new StringContent("gantulga"), "executor");
        form.Add(new StringContent(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "dueDate");
        await clerk.PostMultipartAsync("/inbox?tab=new", "/inbox?handler=Bulk&tab=new", form);

        var page = await clerk.GetPageAsync("/inbox?tab=new");
        StringAssert.Contains(page, "3 бичгийг хуваариллаа.");
        StringAssert.Contains(page, "Хийгдсэнгүй:", "the letter that is not the agency's is named as refused");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var gantulga = await db.StaffUsers.Where(u => u.UserName == "gantulga").Select(u => u.Id).SingleAsync();
        foreach (var id in ids)
        {
            var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.LetterId == id);
            Assert.AreEqual(DeliveryState.Assigned, delivery.State);
            Assert.AreEqual(gantulga, delivery.AssignedToUserId);
            Assert.AreEqual(due, delivery.DueDate);
            Assert.IsNotNull(delivery.IncomingNumber);
            var steps = await db.Evidences.Where(e => e.LetterId == id).Select(e => e.Event).ToListAsync();
            Assert.AreEqual(1, steps.Count(e => e == "Registration"), string.Join(",", steps));
            Assert.AreEqual(1, steps.Count(e => e == "Assignment"), string.Join(",", steps));
        }
    }

    [TestMethod]
    public async Task Search_finds_a_letter_by_subject_and_by_incoming_number_and_filters_by_executor()
    {
        var factory = Factories.Shared("Sqlite");
        var subject = $"Газрын зөвшөөрөл {Guid.NewGuid():N}";
        var id = await LetterPageTests.DeliveredLetterAsync(factory, subject);
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        await clerk.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        await clerk.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Assign",
            new() { ["executor"] = "dulguun" }
        );
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.LetterId == id);

        StringAssert.Contains(
            await clerk.GetPageAsync($"/inbox?tab=progress&q={Uri.EscapeDataString(subject[^32..])}"),
            subject
        );
        var byNumber = await clerk.GetPageAsync(
            $"/inbox?tab=progress&q={Uri.EscapeDataString(delivery.IncomingNumber!)}"
        );
        StringAssert.Contains(byNumber, subject);
        Assert.AreEqual(1, RowPattern().Count(byNumber), "an incoming number is unique in the agency");
        StringAssert.Contains(
            await clerk.GetPageAsync($"/inbox?tab=progress&executor={delivery.AssignedToUserId}&q={subject[^32..]}"),
            subject
        );
        var otherExecutor = await db.StaffUsers.Where(u => u.UserName == "gantulga").Select(u => u.Id).SingleAsync();
        Assert.DoesNotContain(subject, await clerk.GetPageAsync($"/inbox?tab=progress&executor={otherExecutor}"));
        using var head = await WorkspaceClient.StaffAsync(factory, "dulguun");
        StringAssert.Contains(await head.GetPageAsync("/inbox?tab=progress&mine=true"), subject);
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Search_ignores_case_in_cyrillic_in_the_inbox_and_in_the_outbox(string provider)
    {
        var factory = Factories.Shared(provider);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var subject = $"Барилгын Зөвшөөрөл ЁРДӨНЭ {tag}";
        await LetterPageTests.DeliveredLetterAsync(factory, subject);
        var typed = Uri.EscapeDataString($"барилгын зөвшөөрөл ёрдөнэ {tag}");

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        StringAssert.Contains(await clerk.GetPageAsync($"/inbox?tab=new&q={typed}"), subject);
        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        StringAssert.Contains(await company.GetPageAsync($"/outbox?q={typed}"), subject);
    }

    [TestMethod]
    public async Task A_company_sees_letters_from_other_companies_and_nobody_elses()
    {
        var factory = Factories.Shared("Sqlite");
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyB);
        var subject = $"Хамтын ажиллагаа {Guid.NewGuid():N}";
        var sent = await sender.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyB, subject),
            [TestPki.Pki.CompanyA.RegistryNumber!],
            null,
            subject
        );
        Assert.AreEqual(HttpStatusCode.Accepted, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        using var recipient = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        string page = "";
        for (var i = 0; i < 50 && !page.Contains(subject, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            page = await recipient.GetPageAsync("/inbox");
        }

        StringAssert.Contains(page, subject);
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        Assert.DoesNotContain(subject, await clerk.GetPageAsync($"/inbox?tab=new&q={subject[^32..]}"));
    }

    [TestMethod]
    public async Task Paging_walks_thousands_of_letters_with_no_gap_or_repeat_even_at_one_instant()
    {
        using var factory = new ApiFactory("Sqlite");
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        const int total = 2_503;
        var seeded = await SeedAsync(factory, total);

        var seen = new List<Guid>();
        var pages = new List<List<Guid>>();
        var path = "/inbox?tab=new";
        string html = "";
        while (path is not null)
        {
            html = await clerk.GetPageAsync(path);
            StringAssert.Contains(
                html,
                $"{seen.Count + 1}–{Math.Min(total, seen.Count + 50)} / нийт {total}",
                "the range shown"
            );
            pages.Add([.. RowPattern().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))]);
            seen.AddRange(pages[^1]);
            path = Link(NextPattern(), html);
        }

        Assert.HasCount(total, seen);
        Assert.HasCount(total, seen.Distinct().ToList());
        CollectionAssert.AreEquivalent(seeded, seen);

        // Back from the last page to the first, through every page the way forward showed.
        for (var page = pages.Count - 2; page >= 0; page--)
        {
            path = Link(PreviousPattern(), html);
            Assert.IsNotNull(path, $"a previous link before page {page + 2}");
            html = await clerk.GetPageAsync(path);
            CollectionAssert.AreEqual(
                pages[page],
                RowPattern().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList(),
                $"page {page + 1} going back"
            );
        }

        Assert.IsNull(Link(PreviousPattern(), html), "no previous page before the first");

        static string? Link(Regex pattern, string html) =>
            pattern.Match(html) is { Success: true } match
                ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
                : null;
    }

    // Letters delivered in bursts of seven at the same instant, so page boundaries fall inside a burst.
    internal static async Task<List<Guid>> SeedAsync(ApiFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001");
        var sender = await db.Organizations.SingleAsync(o => o.RegistryNumber == "5123456");
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var letter = new Letter
            {
                SenderOrganizationId = sender.Id,
                SenderRegistryNumber = sender.RegistryNumber,
                Subject = $"Багц {i}",
                DocumentSha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                ValidationReportJson = "{}",
                RecipientKey = "9011001",
                SubmittedAt = start,
            };
            letter.Deliveries.Add(
                new Delivery
                {
                    RecipientOrganizationId = agency.Id,
                    RecipientRegistryNumber = agency.RegistryNumber,
                    State = DeliveryState.Delivered,
                    DeliveredAt = start.AddSeconds(i / 7),
                }
            );
            db.Letters.Add(letter);
            ids.Add(letter.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    [GeneratedRegex("<tr class=\"[^\"]*\" data-letter-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("href=\"(/inbox\\?[^\"]+)\" class=\"button\" id=\"next-page\"")]
    private static partial Regex NextPattern();

    [GeneratedRegex("href=\"(/inbox\\?[^\"]+)\" class=\"button\" id=\"previous-page\"")]
    private static partial Regex PreviousPattern();
}
