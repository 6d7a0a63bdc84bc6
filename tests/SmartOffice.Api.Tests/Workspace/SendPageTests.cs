using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Pages.Send;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// /send: the directory search, "Check" in plain words, "Send" once per page, refusals with what to do.
/// </summary>
[TestClass]
public sealed partial class SendPageTests
{
    private static readonly UiText s_text = new();

    [TestMethod]
    public async Task Check_says_a_good_letter_can_be_sent_and_who_signed_it()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);

        var response = await PostAsync(
            company,
            "Check",
            TestPki.SignedLetter(TestPki.Pki.CompanyA),
            recipients: "",
            subject: ""
        );
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        StringAssert.Contains(html, "class=\"check-ok\"");
        StringAssert.Contains(html, s_text.Get("mn", "send.checkOk"));
        StringAssert.Contains(html, "(5123456)");
    }

    [TestMethod]
    public async Task Check_explains_a_letter_changed_after_signing_and_what_to_do()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var tampered = ChangedLetter.AfterSigning(TestPki.SignedLetter(TestPki.Pki.CompanyA));

        var response = await PostAsync(company, "Check", tampered, partial: true);
        var html = await response.Content.ReadAsStringAsync();

        StringAssert.Contains(html, "data-code=\"modified_after_signing\"");
        StringAssert.Contains(html, s_text.Get("mn", "send.reason.modified_after_signing"));
        StringAssert.Contains(html, s_text.Get("mn", "send.advice.modified_after_signing"));
        Assert.DoesNotContain("<html", html, "the script asked for the verdict alone");
    }

    [TestMethod]
    public async Task Check_refuses_another_companys_certificate_with_the_advice_to_use_your_own_e_token()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);

        var html = await (
            await PostAsync(company, "Check", TestPki.SignedLetter(TestPki.Pki.CompanyB), partial: true)
        ).Content.ReadAsStringAsync();

        StringAssert.Contains(html, "data-code=\"signer_org_mismatch\"");
        StringAssert.Contains(html, s_text.Get("mn", "send.advice.signer_org_mismatch"));
    }

    [TestMethod]
    public async Task Send_creates_the_letter_and_the_same_page_sent_twice_creates_it_once()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var key = IdempotencyKey(await company.GetPageAsync("/send"));
        var letter = TestPki.SignedLetter(TestPki.Pki.CompanyA);

        var first = await PostAsync(company, "Send", letter, key: key);
        var second = await PostAsync(company, "Send", letter, key: key);

        Assert.AreEqual(HttpStatusCode.Redirect, first.StatusCode, await first.Content.ReadAsStringAsync());
        StringAssert.StartsWith(first.Headers.Location?.OriginalString, "/letters/");
        Assert.AreEqual(HttpStatusCode.Redirect, second.StatusCode, await second.Content.ReadAsStringAsync());
        Assert.AreEqual(first.Headers.Location, second.Headers.Location);
        using var api = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var id = first.Headers.Location!.OriginalString["/letters/".Length..];
        var details = await api.GetJsonAsync($"/api/letters/{id}");
        Assert.AreEqual("9011001", details.GetProperty("recipients")[0].GetProperty("registryNumber").GetString());
    }

    [TestMethod]
    public async Task Attachments_are_checked_and_sent_with_the_letter_and_shown_on_its_page()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var letter = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var plan = TestPki.SignedLetter(TestPki.Pki.CompanyA);

        var check = await (
            await PostAsync(
                company,
                "Check",
                letter,
                partial: true,
                attachments: [("plan.pdf", plan), ("b.pdf", TestPki.SignedLetter(TestPki.Pki.CompanyB))]
            )
        ).Content.ReadAsStringAsync();
        StringAssert.Contains(check, "data-code=\"signer_org_mismatch\"");
        StringAssert.Contains(check, "2-р хавсралт (b.pdf)");

        var sent = await PostAsync(company, "Send", letter, attachments: [("Төсөл зураг.pdf", plan)]);
        Assert.AreEqual(HttpStatusCode.Redirect, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        var path = sent.Headers.Location!.OriginalString;
        var page = await company.GetPageAsync(path);
        StringAssert.Contains(page, "id=\"attachments\"");
        StringAssert.Contains(page, "1. Төсөл зураг.pdf");
        CollectionAssert.AreEqual(plan, await company.Http.GetByteArrayAsync($"{path}/attachments/1?download=true"));
    }

    [TestMethod]
    public async Task A_new_page_sends_a_different_letter_and_the_same_bytes_again_are_refused_as_a_duplicate()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var letter = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        Assert.AreEqual(
            HttpStatusCode.Redirect,
            (
                await PostAsync(company, "Send", letter, key: IdempotencyKey(await company.GetPageAsync("/send")))
            ).StatusCode
        );

        var again = await PostAsync(company, "Send", letter, key: IdempotencyKey(await company.GetPageAsync("/send")));
        var html = await again.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode, html);
        StringAssert.Contains(html, s_text.Get("mn", "send.advice.duplicate_letter"));
    }

    [TestMethod]
    public async Task An_unknown_recipient_is_named_with_the_advice_to_pick_from_the_directory()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);

        var response = await PostAsync(
            company,
            "Send",
            TestPki.SignedLetter(TestPki.Pki.CompanyA),
            recipients: "9011001, 1111111"
        );
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode, html);
        StringAssert.Contains(html, "data-code=\"recipient_unknown\"");
        StringAssert.Contains(html, "1111111");
        StringAssert.Contains(html, s_text.Get("mn", "send.advice.recipient_unknown"));
    }

    [TestMethod]
    public async Task The_directory_search_finds_the_agency_by_part_of_its_name_but_never_the_caller()
    {
        using var company = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);

        var byName = await SearchAsync(company, "нийслэлийн ЗАСАГ");
        var self = await SearchAsync(company, "5123456");

        CollectionAssert.Contains(byName, "9011001");
        Assert.IsEmpty(self);
    }

    [TestMethod]
    public async Task Suggestions_rank_the_exact_number_then_name_prefixes_then_the_rest_and_take_latin_input()
    {
        var factory = Factories.Shared("Sqlite");
        var number =
            "7" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var word = "Гэрэлт" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartOffice.Exchange.Persistence.ExchangeDbContext>();
            db.Organizations.AddRange(
                new SmartOffice.Exchange.Organizations.Organization
                {
                    RegistryNumber = number + "1",
                    Name = $"Аймгийн {word} төв",
                    Kind = SmartOffice.Exchange.Organizations.OrganizationKind.Company,
                    CreatedAt = DateTimeOffset.UtcNow,
                },
                new SmartOffice.Exchange.Organizations.Organization
                {
                    RegistryNumber = number + "2",
                    Name = $"{word} ХХК",
                    Kind = SmartOffice.Exchange.Organizations.OrganizationKind.Company,
                    CreatedAt = DateTimeOffset.UtcNow,
                },
                new SmartOffice.Exchange.Organizations.Organization
                {
                    RegistryNumber = number,
                    Name = "Бусад ХХК",
                    Kind = SmartOffice.Exchange.Organizations.OrganizationKind.Company,
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            await db.SaveChangesAsync();
        }

        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        CollectionAssert.AreEqual(
            new[] { number + "2", number + "1" },
            await SearchAsync(company, word.ToLowerInvariant())
        );
        Assert.AreEqual(
            number,
            (await SearchAsync(company, number))[0],
            "the exact number comes before numbers it starts"
        );
        CollectionAssert.Contains(await SearchAsync(company, "niislel"), "9011001", "Latin 'niislel' finds 'Нийслэл'");
    }

    [TestMethod]
    public void Every_refusal_code_has_a_reason_and_advice_in_both_languages()
    {
        var codes = typeof(SmartOffice.Signing.ValidationCodes)
            .GetFields()
            .Select(f => (string)f.GetValue(null)!)
            .Where(c => c != "ok")
            .Concat(["account_suspended", "recipient_unknown", "duplicate_letter", "validation", "rate_limited"])
            .ToList();
        CollectionAssert.IsSubsetOf(codes, RefusalAdvice.AllCodes.ToList());
        foreach (var language in new[] { UiText.Mongolian, UiText.English })
        {
            var keys = s_text.Keys(language);
            foreach (var code in codes)
            {
                CollectionAssert.Contains(keys.ToList(), RefusalAdvice.ReasonKey(code), $"{language}: {code}");
                CollectionAssert.Contains(keys.ToList(), RefusalAdvice.AdviceKey(code), $"{language}: {code}");
                Assert.AreEqual($"send.advice.{code}", RefusalAdvice.AdviceKey(code));
            }
        }
    }

    private static async Task<List<string>> SearchAsync(WorkspaceClient client, string query)
    {
        var response = await client.Http.GetAsync($"/send?handler=Organizations&q={Uri.EscapeDataString(query)}");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return
        [
            .. JsonDocument
                .Parse(await response.Content.ReadAsStringAsync())
                .RootElement.EnumerateArray()
                .Select(o => o.GetProperty("registryNumber").GetString()!),
        ];
    }

    internal static async Task<HttpResponseMessage> PostAsync(
        WorkspaceClient client,
        string handler,
        byte[] pdf,
        string recipients = "9011001",
        string subject = "Барилгын зөвшөөрөл",
        string? key = null,
        bool partial = false,
        IReadOnlyList<(string Name, byte[] Pdf)>? attachments = null
    )
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Letter", "letter.pdf");
        foreach (var (name, content) in attachments ?? [])
        {
            var attachment = new ByteArrayContent(content);
            attachment.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(attachment, "Attachments", name);
        }

        form.Add(new StringContent(recipients), "Recipients");
        form.Add(new StringContent(subject), "Subject");
        form.Add(new StringContent(key ?? Guid.NewGuid().ToString("N")), "IdempotencyKey");
        if (partial)
        {
            client.Http.DefaultRequestHeaders.Remove("X-Partial");
            client.Http.DefaultRequestHeaders.Add("X-Partial", "1");
        }

        try
        {
            return await client.PostMultipartAsync("/send", $"/send?handler={handler}", form);
        }
        finally
        {
            client.Http.DefaultRequestHeaders.Remove("X-Partial");
        }
    }

    internal static string IdempotencyKey(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.IsTrue(match.Success, "the page renders an idempotency key");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex KeyPattern();
}
