using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Api.Tests.Workspace;
using SmartOffice.Exchange.Receipts;
using SmartOffice.Signing;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Delivery receipts: the sender gets one for each recipient, a recipient its own, anyone else 404 as for every letter
/// read; the PDF is sealed by the service and states the records; /verify recognizes it and refuses it once altered.
/// </summary>
[TestClass]
public sealed class ReceiptTests
{
    [TestMethod]
    public async Task The_sender_and_that_recipient_get_the_receipt_and_anyone_else_is_told_nothing_exists()
    {
        var factory = Factories.Shared("Sqlite");
        var (id, incoming) = await RegisteredLetterAsync(factory);
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        using var stranger = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyB);
        var path = $"/api/letters/{id}/receipts/9011001";

        foreach (var allowed in new[] { sender, registrar })
        {
            var response = await allowed.Http.GetAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
            Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var facts = ReceiptFacts.Read(await response.Content.ReadAsByteArrayAsync())!;
            Assert.AreEqual(id, facts.LetterId);
            Assert.AreEqual(incoming, facts.IncomingNumber);
        }

        await NotFoundAsync(stranger, path);
        await NotFoundAsync(sender, $"/api/letters/{id}/receipts/6234567");
        await NotFoundAsync(sender, $"/api/letters/{Guid.NewGuid()}/receipts/9011001");
        using var workspaceStranger = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyB);
        Assert.AreEqual(
            HttpStatusCode.NotFound,
            (await workspaceStranger.Http.GetAsync($"/letters/{id}/receipts/9011001")).StatusCode
        );
    }

    [TestMethod]
    public async Task The_outbox_and_the_letter_page_link_each_receipt_their_reader_may_have()
    {
        var factory = Factories.Shared("Sqlite");
        var (id, _) = await RegisteredLetterAsync(factory);
        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        var link = $"/letters/{id}/receipts/9011001";

        StringAssert.Contains(await sender.GetPageAsync("/outbox"), link);
        StringAssert.Contains(await sender.GetPageAsync($"/letters/{id}"), link);
        StringAssert.Contains(await registrar.GetPageAsync($"/letters/{id}"), link);
        var download = await registrar.Http.GetAsync(link);
        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreEqual("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task A_recipient_gets_its_own_receipt_but_not_another_recipients()
    {
        var factory = Factories.Shared("Sqlite");
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001", "6234567"))
            .GetProperty("id")
            .GetString()!;
        using var companyB = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyB);
        await WaitAsync(async () => (await companyB.Http.GetAsync($"/api/letters/{id}")).IsSuccessStatusCode);

        Assert.AreEqual(
            HttpStatusCode.OK,
            (await companyB.Http.GetAsync($"/api/letters/{id}/receipts/6234567")).StatusCode
        );
        await NotFoundAsync(companyB, $"/api/letters/{id}/receipts/9011001");
    }

    [TestMethod]
    public async Task The_receipt_is_sealed_by_the_service_and_states_who_sent_what_to_whom_with_each_step()
    {
        var factory = Factories.Shared("Sqlite");
        var (id, incoming) = await RegisteredLetterAsync(factory);
        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);

        var response = await sender.Http.GetAsync($"/letters/{id}/receipts/9011001");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(response.Content.Headers.ContentDisposition?.ToString(), "attachment");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var validator = factory.Services.GetRequiredService<PdfSignatureValidator>();
        var report = validator.Validate(pdf, new ValidationRequest { AcceptServiceSeal = true });
        Assert.IsTrue(report.Accepted, report.Message);
        Assert.AreEqual(
            TestPki.Pki.Seal.Certificate.GetCertHashString(HashAlgorithmName.SHA256),
            report.Signer!.Thumbprint
        );
        Assert.AreEqual(ValidationCodes.CertificateUsage, validator.Validate(pdf).Code, "never taken for a letter");
        var facts = ReceiptFacts.Read(pdf)!;
        Assert.AreEqual(new ReceiptParty("5123456", "Монгол Ачаа Тээвэр ХХК"), facts.Sender);
        Assert.AreEqual("9011001", facts.Recipient.RegistryNumber);
        Assert.AreEqual("Registered", facts.State);
        CollectionAssert.AreEqual(
            new[] { "SubmissionAcceptance", "ContentConsignment", "Registration" },
            facts.Steps.Select(s => s.Event).ToArray()
        );
        Assert.AreEqual(incoming, facts.Steps[^1].Details["incomingNumber"]);
        using var api = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var letter = await api.GetJsonAsync($"/api/letters/{id}");
        Assert.AreEqual(letter.GetProperty("documentSha256").GetString(), facts.Documents.Single().Sha256);
    }

    [TestMethod]
    public async Task Verify_recognizes_a_receipt_shows_its_facts_and_says_it_agrees_with_the_records()
    {
        var factory = Factories.Shared("Sqlite");
        var (id, incoming) = await RegisteredLetterAsync(factory);
        var pdf = await ReceiptAsync(factory, id);
        using var anyone = WorkspaceClient.Anonymous(factory);

        var html = await VerifyPageTests.VerifyAsync(anyone, pdf, null);

        StringAssert.Contains(html, "data-receipt=\"valid\"");
        StringAssert.Contains(html, "data-records=\"match\"");
        StringAssert.Contains(html, "Монгол Ачаа Тээвэр ХХК (5123456)");
        StringAssert.Contains(html, $"data-incoming-number=\"{incoming}\"");
        Assert.DoesNotContain("data-signature=", html, "a receipt is not judged as a letter");

        // A later step is not in an older receipt: it still agrees, and says how many came since.
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        var assigned = await registrar.Http.PostAsJsonAsync($"/api/letters/{id}/assign", new { executor = "gantulga" });
        Assert.AreEqual(HttpStatusCode.OK, assigned.StatusCode, await assigned.Content.ReadAsStringAsync());
        var later = await VerifyPageTests.VerifyAsync(anyone, pdf, null);
        StringAssert.Contains(later, "data-records=\"match\"");
        StringAssert.Contains(later, "data-later-steps=\"1\"");
    }

    [TestMethod]
    public async Task A_receipt_lists_the_attachments_and_the_forward_and_verify_agrees_with_the_records()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var plan = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var sent = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA),
            ["9011001"],
            null,
            attachments: [("plan.pdf", plan)]
        );
        Assert.AreEqual(HttpStatusCode.Accepted, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await WaitAsync(async () =>
            (await company.GetJsonAsync($"/api/letters/{id}"))
                .GetProperty("recipients")[0]
                .GetProperty("state")
                .GetString() != "Queued"
        );
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        var forwarded = await registrar.Http.PostAsJsonAsync(
            $"/api/letters/{id}/forward",
            new { to = "9011006", reason = "Харьяаллын дагуу" }
        );
        Assert.AreEqual(HttpStatusCode.OK, forwarded.StatusCode, await forwarded.Content.ReadAsStringAsync());

        var pdf = await company.Http.GetByteArrayAsync($"/api/letters/{id}/receipts/9011001");
        var facts = ReceiptFacts.Read(pdf)!;
        var attachment = facts.Documents.Single(d => d.Role == ReceiptDocumentRoles.Attachment);
        Assert.AreEqual("1. plan.pdf", attachment.Name);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(plan)), attachment.Sha256);
        Assert.AreEqual("Forwarded", facts.State);
        var forward = facts.Steps.Single(s => s.Event == "Forwarding");
        Assert.AreEqual("9011006", forward.Details["to"]);
        Assert.AreEqual("Харьяаллын дагуу", forward.Details["reason"]);

        using var anyone = WorkspaceClient.Anonymous(factory);
        var html = await VerifyPageTests.VerifyAsync(anyone, pdf, null);
        StringAssert.Contains(html, "data-records=\"match\"");
        StringAssert.Contains(html, "1. plan.pdf");
    }

    [TestMethod]
    public async Task A_company_letter_naming_receipt_facts_is_judged_as_the_letter_it_is_and_shows_no_facts()
    {
        var factory = Factories.Shared("Sqlite");
        var (id, _) = await RegisteredLetterAsync(factory);
        var facts = ReceiptFacts.Read(await ReceiptAsync(factory, id))!;
        var posing = SmartOffice.Signing.PdfSigner.Sign(
            ReceiptPdf.Create(facts with { Recipient = new ReceiptParty("9011002", "Хуурамч") }, TimeZoneInfo.Utc),
            TestPki.Pki.CompanyA.Certificate,
            TestPki.Pki.CompanyA.Chain
        );
        using var anyone = WorkspaceClient.Anonymous(factory);

        var html = await VerifyPageTests.VerifyAsync(anyone, posing, null);

        StringAssert.Contains(html, "data-signature=\"valid\"");
        Assert.DoesNotContain("data-receipt=", html);
        Assert.DoesNotContain("Хуурамч", html, "the facts a company wrote are not shown as a receipt's");
    }

    [TestMethod]
    public async Task Verify_refuses_a_receipt_altered_after_sealing_and_shows_none_of_its_claims()
    {
        var factory = Factories.Shared("Sqlite");
        var (id, _) = await RegisteredLetterAsync(factory);
        var pdf = await ReceiptAsync(factory, id);
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf("\"registryNumber\":\"9011001\"", StringComparison.Ordinal);
        Assert.IsGreaterThan(0, at, "the facts are readable in the file");
        var altered = (byte[])pdf.Clone();
        altered[at + "\"registryNumber\":\"901100".Length] = (byte)'2';
        using var anyone = WorkspaceClient.Anonymous(factory);

        var html = await VerifyPageTests.VerifyAsync(anyone, altered, null);

        StringAssert.Contains(html, "data-receipt=\"invalid\"");
        StringAssert.Contains(html, "data-code=\"signature_invalid\"");
        Assert.DoesNotContain("data-records=", html);
        Assert.DoesNotContain("9011002", html, "an altered receipt's claims are not shown as facts");
    }

    internal static async Task<(Guid Id, string IncomingNumber)> RegisteredLetterAsync(ApiFactory factory)
    {
        var id = await LetterPageTests.DeliveredLetterAsync(factory);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        var response = await registrar.Http.PostAsync($"/api/letters/{id}/register", null);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var registered = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (id, registered.GetProperty("delivery").GetProperty("incomingNumber").GetString()!);
    }

    private static async Task<byte[]> ReceiptAsync(ApiFactory factory, Guid id)
    {
        using var sender = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var response = await sender.Http.GetAsync($"/api/letters/{id}/receipts/9011001");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task NotFoundAsync(ApiSession session, string path)
    {
        var response = await session.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, $"{path}: {body}");
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("not_found", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the letter was not delivered in time");
    }
}
