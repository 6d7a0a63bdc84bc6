using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Letters with attachments: each attachment a signed PDF of the sender, validated by the letter's rules, named in the
/// acceptance evidence, readable by the letter's readers only, and kept in the archive package.
/// </summary>
[TestClass]
public sealed class AttachmentTests
{
    private static DemoPki Pki => TestPki.Pki;

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_letter_with_two_attachments_is_accepted_evidenced_readable_and_archived(string provider)
    {
        var factory = Factories.Shared(provider);
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);
        var first = TestPki.SignedLetter(Pki.CompanyA);
        var second = TestPki.SignedLetter(Pki.CompanyA);

        var response = await company.SubmitAsync(
            pdf,
            ["9011001"],
            null,
            attachments: [("C:\\docs\\Зураг төсөл.pdf", first), ("../тооцоо\u202E.pdf", second)]
        );
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = accepted.GetProperty("id").GetString();

        var listed = accepted.GetProperty("attachments");
        Assert.AreEqual(2, listed.GetArrayLength());
        Assert.AreEqual("Зураг төсөл.pdf", listed[0].GetProperty("fileName").GetString());
        Assert.AreEqual("тооцоо.pdf", listed[1].GetProperty("fileName").GetString(), "folders and bidi controls go");
        Assert.AreEqual(Sha256(second), listed[1].GetProperty("documentSha256").GetString());
        var evidence = JsonDocument
            .Parse(accepted.GetProperty("evidence").GetProperty("json").GetString()!)
            .RootElement.GetProperty("attachments");
        Assert.AreEqual(Sha256(first), evidence[0].GetProperty("sha256").GetString());
        Assert.AreEqual(2, evidence[1].GetProperty("number").GetInt32());

        var details = await company.GetJsonAsync($"/api/letters/{id}");
        Assert.AreEqual(2, details.GetProperty("attachments").GetArrayLength());
        var download = await company.Http.GetAsync($"/api/letters/{id}/attachments/2");
        CollectionAssert.AreEqual(second, await download.Content.ReadAsByteArrayAsync());
        Assert.AreEqual("тооцоо.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.AreEqual(
            HttpStatusCode.NotFound,
            (await company.Http.GetAsync($"/api/letters/{id}/attachments/3")).StatusCode
        );

        using var stranger = await ApiSession.CompanyAsync(factory, Pki.CompanyB);
        await ProblemAssert.HasCodeAsync(
            await stranger.Http.GetAsync($"/api/letters/{id}/attachments/1"),
            404,
            "not_found"
        );

        await WaitDeliveredAsync(company, id!);
        using var registrar = await ApiSession.StaffAsync(factory, "bichig");
        var received = await registrar.Http.GetAsync($"/api/letters/{id}/attachments/1");
        CollectionAssert.AreEqual(first, await received.Content.ReadAsByteArrayAsync());
        var opened = (await company.GetJsonAsync($"/api/letters/{id}")).GetProperty("recipients")[0];
        Assert.AreEqual(
            "Opened",
            opened.GetProperty("state").GetString(),
            "reading an attachment is reading the letter"
        );

        var folder = Path.Combine(factory.DataPath, "archive", "letters", Guid.Parse(id!).ToString("N"));
        CollectionAssert.AreEqual(second, await File.ReadAllBytesAsync(Path.Combine(folder, "attachment-02.pdf")));
        var manifest = await File.ReadAllTextAsync(
            Directory.GetFiles(folder, "manifest-*.sha256").Order(StringComparer.Ordinal).Last()
        );
        StringAssert.Contains(manifest, $"{Sha256(first)}  attachment-01.pdf");
        StringAssert.Contains(manifest, "attachment-02-report.json");

        // The package an archivist or the sender downloads carries them, listed in its SHA256SUMS.
        using var package = new System.IO.Compression.ZipArchive(
            await company.Http.GetStreamAsync($"/api/letters/{id}/archive")
        );
        var packageFolder = Guid.Parse(id!).ToString("N");
        using var sums = new StreamReader(package.GetEntry("SHA256SUMS")!.Open());
        StringAssert.Contains(await sums.ReadToEndAsync(), $"{Sha256(second)}  {packageFolder}/attachments/02.pdf");
        using var metadata = JsonDocument.Parse(package.GetEntry($"{packageFolder}/metadata.json")!.Open());
        Assert.AreEqual(
            "Зураг төсөл.pdf",
            metadata.RootElement.GetProperty("attachments")[0].GetProperty("fileName").GetString()
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task An_attachment_signed_by_another_company_refuses_the_letter_naming_the_attachment(string provider)
    {
        var factory = Factories.Shared(provider);
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        var subject = $"Хавсралт татгалзах {Guid.NewGuid():N}";

        var problem = await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(
                TestPki.SignedLetter(Pki.CompanyA),
                ["9011001"],
                null,
                subject,
                attachments:
                [
                    ("a.pdf", TestPki.SignedLetter(Pki.CompanyA)),
                    ("b.pdf", TestPki.SignedLetter(Pki.CompanyB)),
                ]
            ),
            422,
            "signer_org_mismatch"
        );
        Assert.AreEqual(2, problem.GetProperty("attachment").GetProperty("number").GetInt32());
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "Attachment 2 (b.pdf)");
        StringAssert.StartsWith(problem.GetProperty("messageMn").GetString(), "Хавсралт 2 (b.pdf)");
        Assert.AreEqual("signer_org_mismatch", problem.GetProperty("report").GetProperty("code").GetString());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        Assert.IsFalse(await db.Letters.AnyAsync(l => l.Subject == subject), "nothing of a refused letter is kept");
    }

    [TestMethod]
    public async Task A_changed_attachment_and_the_same_document_twice_are_refused()
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);

        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(
                pdf,
                ["9011001"],
                null,
                attachments: [("x.pdf", ChangedLetter.AfterSigning(TestPki.SignedLetter(Pki.CompanyA)))]
            ),
            422,
            "modified_after_signing"
        );
        var twice = await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(pdf, ["9011001"], null, attachments: [("self.pdf", pdf)]),
            400,
            "validation"
        );
        StringAssert.Contains(twice.GetProperty("detail").GetString(), "same document");
    }

    [TestMethod]
    public async Task Attachments_past_their_count_or_size_limit_are_refused_before_validation()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?>
            {
                ["Limits:MaxAttachments"] = "2",
                ["Limits:MaxAttachmentBytes"] = "150000",
            }
        );
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        var small = TestPki.SignedLetter(Pki.CompanyA);

        var tooMany = await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(
                TestPki.SignedLetter(Pki.CompanyA),
                ["9011001"],
                null,
                attachments: [("1.pdf", small), ("2.pdf", small), ("3.pdf", small)]
            ),
            400,
            "validation"
        );
        StringAssert.Contains(tooMany.GetProperty("detail").GetString(), "at most 2 attachments");

        var large = new byte[160_000];
        small.CopyTo(large, 0);
        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(
                TestPki.SignedLetter(Pki.CompanyA),
                ["9011001"],
                null,
                attachments: [("big.pdf", large)]
            ),
            413,
            "file_too_large"
        );
    }

    [TestMethod]
    public async Task An_idempotency_key_reused_with_other_attachments_stores_nothing_and_says_so()
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);
        var key = Guid.NewGuid().ToString("N");
        var first = await company.SubmitAsync(
            pdf,
            ["9011001"],
            key,
            attachments: [("one.pdf", TestPki.SignedLetter(Pki.CompanyA))]
        );
        Assert.AreEqual(HttpStatusCode.Accepted, first.StatusCode, await first.Content.ReadAsStringAsync());

        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(
                pdf,
                ["9011001"],
                key,
                attachments: [("two.pdf", TestPki.SignedLetter(Pki.CompanyA))]
            ),
            422,
            "idempotency_key_reused"
        );
    }

    [TestMethod]
    public async Task A_multipart_body_cut_short_is_the_clients_400_not_a_server_error()
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), Pki.CompanyA);
        var body = Encoding.ASCII.GetBytes(
            "--b\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nТуршилт\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"attachments\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 cut"
        );
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
            "multipart/form-data; boundary=b"
        );

        await ProblemAssert.HasCodeAsync(await company.Http.PostAsync("/api/letters", content), 400, "validation");
    }

    private static async Task WaitDeliveredAsync(ApiSession company, string id)
    {
        for (var i = 0; i < 200; i++)
        {
            var state = (await company.GetJsonAsync($"/api/letters/{id}"))
                .GetProperty("recipients")[0]
                .GetProperty("state")
                .GetString();
            if (state != "Queued")
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the letter was not delivered");
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
