using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// /verify, without login: whether a letter's signature holds and it was exchanged here; whether an evidence's seal
/// holds.
/// </summary>
[TestClass]
public sealed class VerifyPageTests
{
    [TestMethod]
    public async Task A_letter_exchanged_here_verifies_and_is_answered_yes_and_nothing_more()
    {
        var factory = Factories.Shared("Sqlite");
        using var api = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var letter = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var id = (await api.AcceptedAsync(letter, "9011001")).GetProperty("id").GetString()!;
        using var anyone = WorkspaceClient.Anonymous(factory);

        var html = await VerifyAsync(anyone, letter, null);

        StringAssert.Contains(html, "data-signature=\"valid\"");
        StringAssert.Contains(html, "data-exchanged=\"yes\"");
        StringAssert.Contains(html, "(5123456)");
        Assert.DoesNotContain(id, html, "the letter's id is not revealed");
        Assert.DoesNotContain("9011001", html, "the recipients are not revealed");
    }

    [TestMethod]
    public async Task A_signed_letter_never_sent_here_verifies_but_is_answered_no()
    {
        using var anyone = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));

        var html = await VerifyAsync(anyone, TestPki.SignedLetter(TestPki.Pki.CompanyB), null);

        StringAssert.Contains(html, "data-signature=\"valid\"");
        StringAssert.Contains(html, "data-exchanged=\"no\"");
    }

    [TestMethod]
    public async Task A_genuine_evidence_verifies_and_names_the_letter_and_the_organizations_given_with_it()
    {
        var (letter, evidence) = await SentLetterWithEvidenceAsync();
        using var anyone = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));

        var html = await VerifyAsync(anyone, letter, evidence.ToJsonString());

        StringAssert.Contains(html, "data-seal=\"valid\"");
        StringAssert.Contains(html, "data-document=\"match\"");
        StringAssert.Contains(html, "<bdi>Монгол Ачаа Тээвэр ХХК</bdi> <span class=\"mono\">(5123456)</span>");
    }

    [TestMethod]
    public async Task An_attachment_was_exchanged_here_and_its_letters_acceptance_names_it()
    {
        var factory = Factories.Shared("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        var appendix = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var response = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA),
            ["9011001"],
            null,
            attachments: [("appendix.pdf", appendix)]
        );
        Assert.AreEqual(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var acceptance = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["evidence"]!;
        using var anyone = WorkspaceClient.Anonymous(factory);

        var html = await VerifyAsync(
            anyone,
            appendix,
            new JsonObject
            {
                ["json"] = acceptance["json"]!.GetValue<string>(),
                ["seal"] = acceptance["seal"]!.GetValue<string>(),
            }.ToJsonString()
        );

        StringAssert.Contains(html, "data-signature=\"valid\"");
        StringAssert.Contains(html, "data-exchanged=\"yes\"");
        StringAssert.Contains(html, "data-document=\"match\"");
        StringAssert.Contains(html, "data-attachment=\"1\"");
    }

    [TestMethod]
    public async Task An_evidence_edited_after_sealing_is_refused()
    {
        var (_, evidence) = await SentLetterWithEvidenceAsync();
        var json = evidence["json"]!.GetValue<string>();
        evidence["json"] = json.Replace("\"sender\":\"5123456\"", "\"sender\":\"6234567\"", StringComparison.Ordinal);
        Assert.AreNotEqual(json, evidence["json"]!.GetValue<string>(), "the test must really edit the evidence");
        using var anyone = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));

        var html = await VerifyAsync(anyone, null, evidence.ToJsonString());

        StringAssert.Contains(html, "data-seal=\"invalid\"");
        StringAssert.Contains(html, "data-code=\"seal_invalid\"");
    }

    [TestMethod]
    public async Task An_evidence_sealed_by_a_trusted_company_certificate_is_not_taken_for_ours()
    {
        var (_, evidence) = await SentLetterWithEvidenceAsync();
        var json = evidence["json"]!.GetValue<string>();
        var company = TestPki.Pki.CompanyA;
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(
            new System.Security.Cryptography.Pkcs.ContentInfo(Encoding.UTF8.GetBytes(json)),
            detached: true
        );
        var signer = new System.Security.Cryptography.Pkcs.CmsSigner(company.Certificate);
        signer.Certificates.AddRange(company.Chain.ToArray());
        cms.ComputeSignature(signer, silent: true);
        evidence["seal"] = Convert.ToBase64String(cms.Encode());
        using var anyone = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));

        var html = await VerifyAsync(anyone, null, evidence.ToJsonString());

        StringAssert.Contains(html, "data-code=\"sealer_unexpected\"");
    }

    [TestMethod]
    public async Task An_evidence_sealed_before_a_seal_rollover_verifies_while_the_former_seal_is_listed()
    {
        var (_, evidence) = await SentLetterWithEvidenceAsync();
        var former = TestPki.Pki.Issue(
            new SmartOffice.Signing.Pki.DemoCertificateSpec
            {
                CommonName = "SmartOffice Seal 2025",
                OrganizationName = "SmartOffice",
                RegistryNumber = "9000000",
                KeyType = SmartOffice.Signing.Pki.DemoKeyType.EcdsaP256,
                KeyUsages =
                    System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature
                    | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.NonRepudiation,
            }
        );
        var json = evidence["json"]!.GetValue<string>();
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(
            new System.Security.Cryptography.Pkcs.ContentInfo(Encoding.UTF8.GetBytes(json)),
            detached: true
        );
        var signer = new System.Security.Cryptography.Pkcs.CmsSigner(former.Certificate);
        signer.Certificates.AddRange(former.Chain.ToArray());
        cms.ComputeSignature(signer, silent: true);
        evidence["seal"] = Convert.ToBase64String(cms.Encode());
        var certificateFile = Path.Combine(
            Directory.CreateTempSubdirectory("smartoffice-former-seal-").FullName,
            "seal-2025.pem"
        );
        await File.WriteAllTextAsync(certificateFile, former.Certificate.ExportCertificatePem());

        using (var unlisted = WorkspaceClient.Anonymous(Factories.Shared("Sqlite")))
        {
            StringAssert.Contains(
                await VerifyAsync(unlisted, null, evidence.ToJsonString()),
                "data-code=\"sealer_unexpected\""
            );
        }

        using var factory = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Seal:FormerCertificates"] = certificateFile }
        );
        using var listed = WorkspaceClient.Anonymous(factory);
        var html = await VerifyAsync(listed, null, evidence.ToJsonString());

        StringAssert.Contains(html, "data-seal=\"valid\"");
        StringAssert.Contains(html, "SmartOffice Seal 2025");
    }

    private static async Task<(byte[] Letter, JsonObject Evidence)> SentLetterWithEvidenceAsync()
    {
        using var api = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var letter = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var id = (await api.AcceptedAsync(letter, "9011001")).GetProperty("id").GetString()!;
        var evidences = await api.GetJsonAsync($"/api/letters/{id}/evidence");
        var acceptance = evidences
            .EnumerateArray()
            .First(e => e.GetProperty("event").GetString() == "SubmissionAcceptance");
        return (letter, JsonNode.Parse(acceptance.GetRawText())!.AsObject());
    }

    internal static async Task<string> VerifyAsync(WorkspaceClient client, byte[]? letter, string? evidence)
    {
        using var form = new MultipartFormDataContent();
        if (letter is not null)
        {
            var file = new ByteArrayContent(letter);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Letter", "letter.pdf");
        }

        if (evidence is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(evidence));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "Evidence", "evidence.json");
        }

        var response = await client.PostMultipartAsync("/verify", "/verify", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        return html;
    }
}
