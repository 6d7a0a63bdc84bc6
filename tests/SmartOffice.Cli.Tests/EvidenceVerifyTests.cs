using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SmartOffice.Cli.Tests;

/// <summary>
/// `smartoffice evidence verify`: a court or auditor checks a downloaded evidence without trusting the service.
/// </summary>
[TestClass]
public sealed class EvidenceVerifyTests
{
    private static string s_folder = "";

    [ClassInitialize]
    public static async Task MakePkiAsync(TestContext context)
    {
        _ = context;
        s_folder = Directory.CreateTempSubdirectory("smartoffice-evidence-").FullName;
        using var output = new StringWriter();
        Assert.AreEqual(0, await CliApp.RunAsync(["pki", "init", Path.Combine(s_folder, "pki")], output, output));
        await File.WriteAllBytesAsync(Path.Combine(s_folder, "letter.pdf"), "%PDF-1.7 a letter"u8.ToArray());
    }

    [TestMethod]
    public async Task Accepts_a_sealed_evidence_and_the_letter_it_names()
    {
        var file = await WriteEvidenceAsync(Sha256Of("letter.pdf"), tamper: false);
        var (code, output) = await RunAsync(
            "evidence",
            "verify",
            file,
            "--trust",
            Path.Combine(s_folder, "pki", "trust"),
            "--pdf",
            Path.Combine(s_folder, "letter.pdf")
        );

        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "VALID ContentConsignment");
        StringAssert.Contains(output, "document matches");
    }

    [TestMethod]
    public async Task Accepts_an_attachment_of_the_letter_its_acceptance_names_and_refuses_one_it_does_not()
    {
        var attachment = Path.Combine(s_folder, $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(attachment, "%PDF-1.7 an attachment"u8.ToArray());
        var letter = Sha256Of("letter.pdf");
        var attached = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(attachment)));
        var acceptance = await WriteEvidenceAsync(letter, tamper: false, attachmentSha256: attached);
        var consignment = await WriteEvidenceAsync(letter, tamper: false);
        var both = Path.Combine(s_folder, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            both,
            $"[{(await File.ReadAllTextAsync(acceptance))[1..^1]},{(await File.ReadAllTextAsync(consignment))[1..^1]}]"
        );
        var trust = Path.Combine(s_folder, "pki", "trust");

        var (code, output) = await RunAsync("evidence", "verify", both, "--trust", trust, "--pdf", attachment);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "VALID SubmissionAcceptance");
        StringAssert.Contains(output, "document matches (as attachment 1)");

        // The consignment alone names the letter: without the acceptance, the attachment is not its document.
        (code, output) = await RunAsync("evidence", "verify", consignment, "--trust", trust, "--pdf", attachment);
        Assert.AreEqual(1, code, output);
    }

    [TestMethod]
    public async Task Refuses_an_evidence_whose_json_was_edited()
    {
        var file = await WriteEvidenceAsync(Sha256Of("letter.pdf"), tamper: true);
        var (code, output) = await RunAsync(
            "evidence",
            "verify",
            file,
            "--trust",
            Path.Combine(s_folder, "pki", "trust")
        );

        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "INVALID");
    }

    [TestMethod]
    public async Task Refuses_a_letter_other_than_the_one_the_evidence_names()
    {
        var file = await WriteEvidenceAsync(new string('a', 64), tamper: false);
        var (code, output) = await RunAsync(
            "evidence",
            "verify",
            file,
            "--trust",
            Path.Combine(s_folder, "pki", "trust"),
            "--pdf",
            Path.Combine(s_folder, "letter.pdf")
        );

        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "not this PDF");
    }

    [TestMethod]
    public async Task Refuses_a_seal_from_an_untrusted_certificate()
    {
        var file = await WriteEvidenceAsync(Sha256Of("letter.pdf"), tamper: false, sealFile: "untrusted.p12");
        var (code, output) = await RunAsync(
            "evidence",
            "verify",
            file,
            "--trust",
            Path.Combine(s_folder, "pki", "trust")
        );

        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "not trusted");
    }

    [TestMethod]
    public async Task Refuses_a_file_that_is_not_evidence_without_failing_on_it()
    {
        var file = Path.Combine(s_folder, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\"json\": 42}");
        var (code, output) = await RunAsync(
            "evidence",
            "verify",
            file,
            "--trust",
            Path.Combine(s_folder, "pki", "trust")
        );

        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "INVALID: the evidence has no json or no seal");
    }

    private static string Sha256Of(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(s_folder, name))));

    private static async Task<string> WriteEvidenceAsync(
        string documentSha256,
        bool tamper,
        string sealFile = "seal.p12",
        string? attachmentSha256 = null
    )
    {
        var json = JsonSerializer.Serialize(
            new
            {
                evidenceId = Guid.NewGuid(),
                @event = attachmentSha256 is null ? "ContentConsignment" : "SubmissionAcceptance",
                eventTime = DateTimeOffset.UtcNow,
                issuer = "SmartOffice Seal",
                sender = "5123456",
                recipient = "9011001",
                letterId = Guid.NewGuid(),
                documentSha256,
                attachments = attachmentSha256 is null
                    ? null
                    : new[]
                    {
                        new
                        {
                            number = 1,
                            name = "a.pdf",
                            sha256 = attachmentSha256,
                        },
                    },
            }
        );
        var collection = X509CertificateLoader.LoadPkcs12CollectionFromFile(
            Path.Combine(s_folder, "pki", "p12", sealFile),
            "demo"
        );
        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(json)), detached: true);
        var signer = new CmsSigner(collection.First(c => c.HasPrivateKey))
        {
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(collection.Where(c => !c.HasPrivateKey).ToArray());
        cms.ComputeSignature(signer, silent: true);
        var file = Path.Combine(s_folder, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            file,
            JsonSerializer.Serialize(
                new[]
                {
                    new
                    {
                        json = tamper ? json.Replace("9011001", "9011002", StringComparison.Ordinal) : json,
                        seal = Convert.ToBase64String(cms.Encode()),
                    },
                }
            )
        );
        return file;
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await CliApp.RunAsync(args, output, output);
        return (code, output.ToString());
    }
}
