using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// Search in the inbox and the sent letters by word forms, Latin input and the PDF's own text, never beyond the
/// caller's letters.
/// </summary>
[TestClass]
public sealed class LetterSearchTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Word_forms_latin_input_and_the_letters_text_find_it_for_sender_and_recipient_only(string provider)
    {
        var factory = Factories.Shared(provider);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var bodyTag = Guid.NewGuid().ToString("N")[..10];
        var subject = $"Барилгын зөвшөөрөл Засаг {tag}";
        using (var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA))
        {
            // The PDF's heading differs from the form's subject: its words are only in the letter's text.
            var pdf = TestPki.SignedLetter(TestPki.Pki.CompanyA, $"Гудамжны гэрэлтүүлгийн ажил {bodyTag}");
            var response = await sender.SubmitAsync(pdf, ["9011001"], null, subject);
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        string Query(string q) => $"/inbox?tab=new&q={Uri.EscapeDataString(q)}";
        var page = "";
        for (var i = 0; i < 100 && !page.Contains(subject, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            page = await clerk.GetPageAsync(Query($"барилга {tag}"));
        }

        StringAssert.Contains(page, subject, "'барилга' finds 'Барилгын'");
        StringAssert.Contains(await clerk.GetPageAsync(Query($"zasag {tag}")), subject, "Latin 'zasag' finds 'Засаг'");
        StringAssert.Contains(
            await clerk.GetPageAsync(Query($"гэрэлтүүлэг {bodyTag}")),
            subject,
            "a word of the PDF's text finds it for the recipient"
        );
        Assert.DoesNotContain(subject, await clerk.GetPageAsync(Query($"гэрэлтүүлэг {tag}x")));

        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        StringAssert.Contains(
            await company.GetPageAsync($"/outbox?q={Uri.EscapeDataString($"барилга {tag}")}"),
            subject
        );
        StringAssert.Contains(
            await company.GetPageAsync($"/outbox?q={Uri.EscapeDataString($"gudamj {bodyTag}")}"),
            subject
        );

        using var stranger = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyB);
        Assert.DoesNotContain(subject, await stranger.GetPageAsync($"/inbox?q={Uri.EscapeDataString(bodyTag)}"));
        Assert.DoesNotContain(subject, await stranger.GetPageAsync($"/outbox?q={Uri.EscapeDataString(bodyTag)}"));
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_letter_stored_without_search_keys_gets_them_from_its_archived_pdf(string provider)
    {
        var factory = Factories.Shared(provider);
        var bodyTag = Guid.NewGuid().ToString("N")[..10];
        var subject = $"Хуучин бичиг {Guid.NewGuid():N}";
        using (var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA))
        {
            var pdf = TestPki.SignedLetter(TestPki.Pki.CompanyA, $"Цэцэрлэгийн засвар {bodyTag}");
            var response = await sender.SubmitAsync(pdf, ["9011001"], null, subject);
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await db.Letters.Where(l => l.Subject == subject).ExecuteUpdateAsync(s => s.SetProperty(l => l.SearchText, ""));
        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var query = $"/outbox?q={Uri.EscapeDataString($"цэцэрлэг {bodyTag}")}";
        Assert.DoesNotContain(subject, await company.GetPageAsync(query), "without keys only the subject is searched");

        var backfill = factory.Services.GetRequiredService<SmartOffice.Api.Features.Letters.SearchTextBackfill>();
        while (await backfill.FillBatchAsync(CancellationToken.None) > 0) { }

        StringAssert.Contains(await company.GetPageAsync(query), subject, "a word of the archived PDF finds it");
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Best_matches_rank_the_subject_above_the_text_and_whole_words_above_prefixes(string provider)
    {
        var factory = Factories.Shared(provider);
        var tag = Guid.NewGuid().ToString("N")[..10];
        // Oldest first: the list shows them the other way round, the ranking by how well they match.
        var whole = await SendAsync(factory, $"Барилга {tag}", $"Бичиг {tag} 0");
        var prefix = await SendAsync(factory, $"Барилгажилт {tag}", $"Бичиг {tag} 1");
        var textOnly = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            textOnly.Add(await SendAsync(factory, $"Хурлын тэмдэглэл {tag} {i}", $"Барилгын ажил {tag} {i + 2}"));
        }

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var page = await WaitForAsync(clerk, $"/inbox?tab=new&q={Uri.EscapeDataString($"барилга {tag}")}", 7);

        var best = BestMatchIds(page);
        CollectionAssert.AreEqual(new[] { whole, prefix }, best.ToArray(), "whole subject words, then prefixes");
        foreach (var id in textOnly)
        {
            StringAssert.Contains(page, $"data-letter-id=\"{id}\"", "a letter matched by its text is in the list");
        }

        var list = ListIds(page);
        Assert.AreEqual(7, list.Count);
        // The worker delivers concurrently, so delivery order, which the list follows, may differ from sending order.
        var delivered = await DeliveredAtAsync(factory, list);
        for (var i = 1; i < list.Count; i++)
        {
            Assert.IsTrue(delivered[list[i - 1]] >= delivered[list[i]], "the list stays newest first");
        }
    }

    private static async Task<Dictionary<string, DateTimeOffset>> DeliveredAtAsync(ApiFactory factory, List<string> ids)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var letterIds = ids.Select(Guid.Parse).ToList();
        var rows = await db
            .Deliveries.Where(d => letterIds.Contains(d.LetterId) && d.RecipientRegistryNumber == "9011001")
            .Select(d => new { d.LetterId, d.DeliveredAt })
            .ToListAsync();
        return rows.ToDictionary(r => r.LetterId.ToString(), r => r.DeliveredAt!.Value);
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_reference_typed_exactly_ranks_first_and_its_words_find_the_others(string provider)
    {
        var factory = Factories.Shared(provider);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var exact = await SendAsync(factory, $"Албан бичиг {tag}", $"Лавлагаа {tag}", reference: $"{tag}/1");
        for (var i = 0; i < 6; i++)
        {
            await SendAsync(factory, $"Албан бичиг {tag} {i}", $"Лавлагаа {tag} {i}", reference: $"{tag}/1{i}");
        }

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var page = await WaitForAsync(clerk, $"/inbox?tab=new&q={Uri.EscapeDataString($"{tag}/1")}", 7);

        Assert.AreEqual(exact, BestMatchIds(page).FirstOrDefault(), "the exact reference heads the best matches");
        Assert.AreEqual(7, ListIds(page).Count, "references starting with the typed words are found too");
        var list = ListIds(page);
        var delivered = await DeliveredAtAsync(factory, list);
        CollectionAssert.AreEqual(
            list.OrderByDescending(id => delivered[id]).ToList(),
            list,
            "the list stays newest first, not best first"
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Matches_delivered_at_the_same_moment_are_listed_in_the_databases_order(string provider)
    {
        var factory = Factories.Shared(provider);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var sent = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            sent.Add(Guid.Parse(await SendAsync(factory, $"Нэг мөч {tag} {i}", $"Нэг мөч {tag}")));
        }

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var query = $"/inbox?tab=new&q={Uri.EscapeDataString(tag)}";
        await WaitForAsync(clerk, query, 6);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var mine = db.Deliveries.Where(d => sent.Contains(d.LetterId) && d.RecipientRegistryNumber == "9011001");
        var moment = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.DeliveredAt, moment));
        var databaseOrder = await mine.OrderByDescending(d => d.DeliveredAt)
            .ThenByDescending(d => d.Id)
            .Select(d => d.LetterId)
            .ToListAsync();

        var listed = ListIds(await clerk.GetPageAsync(query));
        CollectionAssert.AreEqual(databaseOrder.Select(id => id.ToString()).ToList(), listed);
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_word_no_letter_has_finds_nothing_beside_a_word_that_finds_some(string provider)
    {
        var factory = Factories.Shared(provider);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var sent = await SendAsync(factory, $"Цэцэрлэг {tag}", $"Цэцэрлэгийн засвар {tag}");
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var found = await WaitForAsync(clerk, $"/inbox?tab=new&q={Uri.EscapeDataString(tag)}", 1);
        CollectionAssert.AreEqual(new[] { sent }, ListIds(found));

        // Every query word must find the letter: one unknown word leaves none, on the index's path as on the others'.
        var unknown = $"жэврэгтэнгүй{tag[..4]}";
        Assert.IsEmpty(
            ListIds(await clerk.GetPageAsync($"/inbox?tab=new&q={Uri.EscapeDataString($"{tag} {unknown}")}"))
        );
        Assert.IsEmpty(ListIds(await clerk.GetPageAsync($"/inbox?tab=new&q={Uri.EscapeDataString(unknown)}")));
    }

    private static async Task<string> SendAsync(
        ApiFactory factory,
        string subject,
        string pdfText,
        string? reference = null
    )
    {
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var pdf = TestPki.SignedLetter(TestPki.Pki.CompanyA, pdfText);
        var response = await sender.SubmitAsync(pdf, ["9011001"], null, subject, reference: reference);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> WaitForAsync(WorkspaceClient clerk, string url, int rows)
    {
        var page = "";
        for (var i = 0; i < 100 && ListIds(page).Count < rows; i++)
        {
            await Task.Delay(100);
            page = await clerk.GetPageAsync(url);
        }

        return page;
    }

    private static List<string> BestMatchIds(string page) => Ids(page, "<li data-letter-id=\"");

    private static List<string> ListIds(string page) => Ids(page, "<tr class=\"[^\"]*\" data-letter-id=\"");

    private static List<string> Ids(string page, string before) =>
        [
            .. System
                .Text.RegularExpressions.Regex.Matches(page, before + "([0-9a-f-]{36})\"")
                .Select(m => m.Groups[1].Value),
        ];
}
