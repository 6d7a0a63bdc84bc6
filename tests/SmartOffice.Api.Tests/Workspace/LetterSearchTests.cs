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
}
