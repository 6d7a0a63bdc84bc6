using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// /letters/{id}: the PDF, the signature, the journey from sealed evidence, and the agency's work on the letter.
/// </summary>
[TestClass]
public sealed class LetterPageTests
{
    [TestMethod]
    public async Task The_sender_sees_the_signature_and_the_journey_and_another_company_sees_nothing()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var page = await sender.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(page, "id=\"signature\"");
        StringAssert.Contains(page, "(5123456)");
        StringAssert.Contains(page, "id=\"recipient-9011001\"");
        StringAssert.Contains(page, $"/letters/{id}/document");
        Assert.DoesNotContain("id=\"work\"", page, "the sender does not handle its own letter");

        using var stranger = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyB);
        await stranger.GetPageAsync($"/letters/{id}", HttpStatusCode.NotFound);
        Assert.AreEqual(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/letters/{id}/document")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/letters/{id}/evidence")).StatusCode);
    }

    [TestMethod]
    public async Task Opening_the_pdf_in_the_agency_is_sealed_once_as_the_first_reading()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        for (var i = 0; i < 2; i++)
        {
            var response = await clerk.Http.GetAsync($"/letters/{id}/document");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            CollectionAssert.AreEqual(await OriginalAsync(factory, id), await response.Content.ReadAsByteArrayAsync());
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        Assert.AreEqual(
            DeliveryState.Opened,
            await db.Deliveries.Where(d => d.LetterId == id).Select(d => d.State).SingleAsync()
        );
        Assert.AreEqual(1, await db.Evidences.CountAsync(e => e.LetterId == id && e.Event == "ContentAccessTracking"));
    }

    [TestMethod]
    public async Task A_refused_clerk_action_is_explained_in_mongolian_with_the_state_in_words()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        Assert.AreEqual(
            HttpStatusCode.Redirect,
            (await registrar.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", [])).StatusCode
        );

        await registrar.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        var again = await registrar.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(again, "Бичиг «");
        StringAssert.Contains(again, "зөвхөн хүргэгдсэн эсвэл нээсэн бичгийг бүртгэнэ");
        Assert.IsFalse(
            again.Contains("only a delivered or opened letter", StringComparison.Ordinal),
            "no English refusal in the Mongolian page"
        );

        var yesterday = DateOnly
            .FromDateTime(DateTime.UtcNow.AddDays(-2))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Assign",
            new() { ["executor"] = "gantulga", ["dueDate"] = yesterday }
        );
        var past = await registrar.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(past, "Хариу өгөх огноо өнгөрсөн байна.");
        Assert.IsFalse(
            past.Contains("the due date is in the past", StringComparison.Ordinal),
            "no English refusal in the Mongolian page"
        );
    }

    [TestMethod]
    public async Task The_agency_registers_assigns_and_answers_with_a_signed_reply_that_the_sender_then_sees()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        var registered = await registrar.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        Assert.AreEqual(HttpStatusCode.Redirect, registered.StatusCode, "register");
        var page = await registrar.GetPageAsync($"/letters/{id}");
        StringAssert.Matches(
            page,
            new System.Text.RegularExpressions.Regex(
                "id=\"incoming-number\">"
                    + TimeZoneInfo
                        .ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ulaanbaatar"))
                        .Year
                    + "/\\d{5}<"
            )
        );

        var due = DateOnly
            .FromDateTime(DateTime.UtcNow.AddDays(14))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var assigned = await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Assign",
            new() { ["executor"] = "gantulga", ["dueDate"] = due }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, assigned.StatusCode, "assign");

        using var executor = await WorkspaceClient.StaffAsync(factory, "gantulga");
        var refused = await PostReplyAsync(executor, id, TestPki.SignedLetter(TestPki.Pki.CompanyA, $"Хариу биш {id}"));
        Assert.AreEqual((HttpStatusCode)422, refused.StatusCode, "refused reply");
        StringAssert.Contains(
            await refused.Content.ReadAsStringAsync(),
            "data-code=\"signer_org_mismatch\"",
            "a reply signed with another organization's certificate is explained"
        );

        var answered = await PostReplyAsync(executor, id, TestPki.SignedLetter(TestPki.Pki.Agency, $"Хариу {id}"));
        Assert.AreEqual(HttpStatusCode.Redirect, answered.StatusCode, await answered.Content.ReadAsStringAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.LetterId == id);
        Assert.AreEqual(DeliveryState.Answered, delivery.State, await executor.GetPageAsync($"/letters/{id}"));
        Assert.AreEqual(
            due,
            delivery.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        );
        var reply = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == delivery.ReplyLetterId);
        Assert.AreEqual(id, reply.InReplyToLetterId, "reply link");

        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var seen = await sender.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(seen, $"href=\"/letters/{reply.Id}\"");
        StringAssert.Contains(seen, delivery.IncomingNumber!);
        var replyPage = await sender.Http.GetAsync($"/letters/{reply.Id}");
        for (var i = 0; i < 50 && replyPage.StatusCode == HttpStatusCode.NotFound; i++)
        {
            await Task.Delay(100); // the reply is readable by the company once it is delivered to it
            replyPage = await sender.Http.GetAsync($"/letters/{reply.Id}");
        }

        StringAssert.Contains(
            await replyPage.Content.ReadAsStringAsync(),
            $"href=\"/letters/{id}\"",
            "the reply, received by the company, links back to its letter"
        );
    }

    [TestMethod]
    public async Task A_registrar_forwards_a_letter_by_the_agencys_name_and_a_wrong_agency_is_refused_in_mongolian()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        StringAssert.Contains(await registrar.GetPageAsync($"/letters/{id}"), "id=\"forward-form\"");

        await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Forward",
            new() { ["to"] = "5123456", ["reason"] = "Буруу хаяг" }
        );
        var refused = await registrar.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(refused, "5123456 нь лавлахад идэвхтэй байгууллага биш");
        await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Forward",
            new() { ["to"] = "Барилга хот", ["reason"] = "Хэсэгчилсэн нэр" }
        );
        StringAssert.Contains(
            await registrar.GetPageAsync($"/letters/{id}"),
            "Барилга хот нь лавлахад идэвхтэй байгууллага биш",
            "part of a name is not taken for an agency"
        );

        var forwarded = await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Forward",
            new()
            {
                ["to"] = "Нийслэлийн Барилга хот байгуулалтын газар",
                ["reason"] = "Барилгын зөвшөөрөл тэдний харьяа",
            }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, forwarded.StatusCode);
        var page = await registrar.GetPageAsync($"/letters/{id}");
        StringAssert.Contains(page, "9011006 руу шилжүүлэв.");
        StringAssert.Contains(page, "id=\"own-state\">Өөр байгууллагад шилжүүлсэн");
        StringAssert.Contains(page, "Нийслэлийн Барилга хот байгуулалтын газар · Барилгын зөвшөөрөл тэдний харьяа");
        Assert.DoesNotContain("id=\"forward-form\"", page, "a forwarded letter is not forwarded again");

        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var outbox = await sender.GetPageAsync("/outbox");
        StringAssert.Contains(outbox, "Өөр байгууллагад шилжүүлсэн: 9011006 · Барилгын зөвшөөрөл тэдний харьяа");
    }

    [TestMethod]
    public async Task Comments_stay_inside_the_agency()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var note = $"дотоод тэмдэглэл {Guid.NewGuid():N}";
        var response = await clerk.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Comment",
            new() { ["comment"] = note }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(await clerk.GetPageAsync($"/letters/{id}"), note);

        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        Assert.DoesNotContain(note, await sender.GetPageAsync($"/letters/{id}"));
        var intruder = await sender.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Comment",
            new() { ["comment"] = "from outside" }
        );
        Assert.AreEqual(HttpStatusCode.NotFound, intruder.StatusCode);
    }

    [TestMethod]
    public async Task A_reported_letter_leaves_the_inbox_and_flags_the_sender()
    {
        using var factory = new ApiFactory("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var response = await clerk.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Report",
            new() { ["reason"] = "зар" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/inbox", response.Headers.Location?.OriginalString);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        Assert.IsTrue(await db.Deliveries.Where(d => d.LetterId == id).Select(d => d.IsReported).SingleAsync());
        Assert.IsTrue(
            await db.Accounts.Where(a => a.RegistryNumber == "5123456").Select(a => a.IsFlagged).SingleAsync()
        );
    }

    [TestMethod]
    public async Task A_downloaded_evidence_carries_a_seal_that_verifies_over_its_json()
    {
        var factory = Factories.Shared("Sqlite");
        var id = await DeliveredLetterAsync(factory);
        using var sender = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var all = JsonDocument.Parse(await sender.GetPageAsync($"/letters/{id}/evidence")).RootElement;
        Assert.IsGreaterThanOrEqualTo(2, all.GetArrayLength());
        var delivered = all.EnumerateArray().First(e => e.GetProperty("event").GetString() == "ContentConsignment");
        var file = await sender.Http.GetAsync(
            $"/letters/{id}/evidence/{delivered.GetProperty("evidenceId").GetString()}"
        );
        Assert.AreEqual("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        var evidence = JsonDocument.Parse(await file.Content.ReadAsStringAsync()).RootElement;

        var cms = new SignedCms(
            new ContentInfo(Encoding.UTF8.GetBytes(evidence.GetProperty("json").GetString()!)),
            detached: true
        );
        cms.Decode(Convert.FromBase64String(evidence.GetProperty("seal").GetString()!));
        cms.CheckSignature(verifySignatureOnly: true);

        var tampered = new SignedCms(
            new ContentInfo(
                Encoding.UTF8.GetBytes(
                    evidence.GetProperty("json").GetString()!.Replace("9011001", "9011002", StringComparison.Ordinal)
                )
            ),
            detached: true
        );
        tampered.Decode(Convert.FromBase64String(evidence.GetProperty("seal").GetString()!));
        Assert.ThrowsExactly<System.Security.Cryptography.CryptographicException>(() =>
            tampered.CheckSignature(verifySignatureOnly: true)
        );
    }

    /// <summary>
    /// A letter from CompanyA to the demo agency, sent through the API and waited for until it is in the inbox.
    /// </summary>
    internal static async Task<Guid> DeliveredLetterAsync(ApiFactory factory, string? subject = null)
    {
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        subject ??= $"Өргөдөл {Guid.NewGuid():N}";
        var response = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA, subject),
            ["9011001"],
            null,
            subject
        );
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        var id = Guid.Parse(
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!
        );
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

        Assert.Fail($"letter {id} was not delivered");
        return id;
    }

    private static async Task<byte[]> OriginalAsync(ApiFactory factory, Guid id)
    {
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        return await company.Http.GetByteArrayAsync($"/api/letters/{id}/document");
    }

    private static async Task<HttpResponseMessage> PostReplyAsync(WorkspaceClient executor, Guid id, byte[] pdf)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "reply", "reply.pdf");
        form.Add(new StringContent("Хариу"), "subject");
        form.Add(new StringContent(Guid.NewGuid().ToString("N")), "replyKey");
        return await executor.PostMultipartAsync($"/letters/{id}", $"/letters/{id}?handler=Answer", form);
    }
}
