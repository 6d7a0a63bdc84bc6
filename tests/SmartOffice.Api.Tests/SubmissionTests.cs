using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Json;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests;

/// <summary>POST /api/letters and the reads that track it, with each problem code, on SQLite and PostgreSQL.</summary>
[TestClass]
public sealed class SubmissionTests
{
    private static DemoPki Pki => TestPki.Pki;

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Accepts_a_signed_letter_with_its_sha256_and_a_sealed_acceptance_evidence(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);

        var accepted = await company.AcceptedAsync(pdf, "9011001", "6234567");

        Assert.AreEqual(
            Convert.ToHexStringLower(SHA256.HashData(pdf)),
            accepted.GetProperty("documentSha256").GetString()
        );
        Assert.AreEqual(2, accepted.GetProperty("recipients").GetArrayLength());
        var evidence = accepted.GetProperty("evidence");
        Assert.AreEqual("SubmissionAcceptance", evidence.GetProperty("event").GetString());
        var cms = new SignedCms(
            new ContentInfo(Encoding.UTF8.GetBytes(evidence.GetProperty("json").GetString()!)),
            detached: true
        );
        cms.Decode(Convert.FromBase64String(evidence.GetProperty("seal").GetString()!));
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.AreEqual(Pki.Seal.Certificate.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Returns_the_exact_bytes_with_the_sha256_as_etag_and_the_report(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);
        var id = (await company.AcceptedAsync(pdf, "9011001")).GetProperty("id").GetString();

        var document = await company.Http.GetAsync($"/api/letters/{id}/document");
        CollectionAssert.AreEqual(pdf, await document.Content.ReadAsByteArrayAsync());
        Assert.AreEqual($"\"{Convert.ToHexStringLower(SHA256.HashData(pdf))}\"", document.Headers.ETag?.Tag);
        var report = await company.GetJsonAsync($"/api/letters/{id}/report");
        Assert.AreEqual("ok", report.GetProperty("report").GetProperty("code").GetString());
        var letter = await company.GetJsonAsync($"/api/letters/{id}");
        Assert.AreEqual("Барилгын зөвшөөрөл", letter.GetProperty("subject").GetString());
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Refuses_a_letter_changed_after_signing_with_422_and_the_report(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var tampered = ChangedLetter.AfterSigning(TestPki.SignedLetter(Pki.CompanyA));

        var problem = await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(tampered, "9011001"),
            422,
            "modified_after_signing"
        );
        Assert.AreEqual("modified_after_signing", problem.GetProperty("report").GetProperty("code").GetString());
        Assert.IsFalse(string.IsNullOrEmpty(problem.GetProperty("messageMn").GetString()));
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Refuses_a_letter_signed_by_another_company(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyB);
        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001"),
            422,
            "signer_org_mismatch"
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Refuses_unknown_recipients(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var problem = await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001", "1111111"),
            422,
            "recipient_unknown"
        );
        Assert.AreEqual("1111111", problem.GetProperty("recipients")[0].GetString());
    }

    [TestMethod]
    [DataRow(new string[0], DisplayName = "no recipient")]
    [DataRow(new[] { "9011001", "9011001" }, DisplayName = "the same recipient twice")]
    [DataRow(new[] { "5123456" }, DisplayName = "the sender itself")]
    public async Task Refuses_an_invalid_recipient_list_with_validation(string[] recipients)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), Pki.CompanyA);
        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), recipients),
            400,
            "validation"
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Refuses_the_same_document_to_the_same_recipients_within_a_day(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);
        var first = await company.AcceptedAsync(pdf, "9011001");

        var problem = await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(pdf, "9011001"),
            409,
            "duplicate_letter"
        );
        Assert.AreEqual(first.GetProperty("id").GetString(), problem.GetProperty("letterId").GetString());
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task The_same_idempotency_key_twice_gives_one_letter(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var pdf = TestPki.SignedLetter(Pki.CompanyA);
        var key = Guid.NewGuid().ToString();
        var subject = $"Idempotent {key}";

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => company.SubmitAsync(pdf, ["9011001"], key, subject))
        );

        var ids = new List<string>();
        foreach (var response in responses)
        {
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        Assert.HasCount(1, ids.Distinct().ToList());
        var outbox = await company.GetJsonAsync("/api/outbox?pageSize=200");
        Assert.AreEqual(
            1,
            outbox.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("subject").GetString() == subject)
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task The_same_idempotency_key_with_another_letter_is_refused_and_nothing_is_stored(string provider)
    {
        using var company = await ApiSession.CompanyAsync(Factories.Shared(provider), Pki.CompanyA);
        var key = Guid.NewGuid().ToString();
        var first = TestPki.SignedLetter(Pki.CompanyA);
        var accepted = await company.SubmitAsync(first, ["9011001"], key, $"First {key}");
        Assert.AreEqual(HttpStatusCode.Accepted, accepted.StatusCode, await accepted.Content.ReadAsStringAsync());

        var others = new[]
        {
            company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), ["9011001"], key, $"First {key}"),
            company.SubmitAsync(first, ["9011001", "6234567"], key, $"First {key}"),
            company.SubmitAsync(first, ["9011001"], key, $"Another subject {key}"),
        };
        foreach (var other in await Task.WhenAll(others))
        {
            await ProblemAssert.HasCodeAsync(other, 422, "idempotency_key_reused");
        }

        var again = await company.SubmitAsync(first, ["9011001"], key, $"First {key}");
        Assert.AreEqual(HttpStatusCode.Accepted, again.StatusCode);
        var outbox = await company.GetJsonAsync("/api/outbox?pageSize=200");
        Assert.AreEqual(
            1,
            outbox
                .GetProperty("items")
                .EnumerateArray()
                .Count(i => i.GetProperty("subject").GetString()!.EndsWith(key, StringComparison.Ordinal))
        );
    }

    [TestMethod]
    public async Task Refuses_a_file_over_the_size_limit_with_413()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Signing:MaxFileBytes"] = "20000" }
        );
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001"),
            413,
            "file_too_large"
        );
    }

    [TestMethod]
    public async Task Limits_how_many_letters_an_account_sends_per_window()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Limits:SubmissionsPerWindow"] = "2", ["Limits:WindowSeconds"] = "600" }
        );
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        await company.AcceptedAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001");
        await company.AcceptedAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001");

        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001"),
            429,
            "rate_limited"
        );
    }

    [TestMethod]
    public async Task Caps_the_recipients_of_one_letter()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Limits:MaxRecipients"] = "2" }
        );
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001", "9011002", "9011003"),
            400,
            "validation"
        );
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task A_suspended_account_cannot_send(string provider)
    {
        var factory = Factories.Shared(provider);
        var registryNumber = AuthTests.NewRegistryNumber();
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Reklam",
                OrganizationName = "Зар Сурталчилгаа ХХК",
                RegistryNumber = registryNumber,
            }
        );
        using var company = await ApiSession.CompanyAsync(factory, identity);
        using var admin = await ApiSession.StaffAsync(factory, "admin");

        Assert.AreEqual(
            HttpStatusCode.NoContent,
            (await admin.Http.PostAsync($"/api/admin/accounts/{registryNumber}/suspend", null)).StatusCode
        );
        await ProblemAssert.HasCodeAsync(
            await company.SubmitAsync(TestPki.SignedLetter(identity), "9011001"),
            403,
            "account_suspended"
        );
    }

    [TestMethod]
    public async Task Unauthenticated_calls_get_unauthorized_problem_details()
    {
        using var client = Factories.Shared("Sqlite").CreateClient();
        await ProblemAssert.HasCodeAsync(await client.GetAsync("/api/inbox"), 401, "unauthorized");
        await ProblemAssert.HasCodeAsync(await client.GetAsync($"/api/letters/{Guid.NewGuid()}"), 401, "unauthorized");
    }

    [TestMethod]
    public async Task Serves_openapi_and_health()
    {
        using var client = Factories.Shared("Sqlite").CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        StringAssert.Contains(openApi, "/api/letters");
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.AreEqual(
            "Healthy",
            ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString()
        );
        Assert.AreEqual(
            "Healthy",
            ready.GetProperty("checks").GetProperty("archive").GetProperty("status").GetString()
        );
    }

    [TestMethod]
    public async Task Readiness_reports_letters_waiting_in_the_outbox()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Outbox:LagWarningSeconds"] = "0" }
        );
        using var company = await ApiSession.CompanyAsync(factory, Pki.CompanyA);
        await company.AcceptedAsync(TestPki.SignedLetter(Pki.CompanyA), "9011001");
        await Task.Delay(1100);

        var body = await (await company.Http.GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("Degraded", body.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task Readiness_reports_an_archive_disk_below_its_floor()
    {
        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?>
            {
                ["Archive:MinFreeMegabytes"] = long.MaxValue.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                )[..12],
            }
        );
        using var client = factory.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(
            "Degraded",
            body.GetProperty("checks").GetProperty("archive").GetProperty("status").GetString()
        );
    }
}
