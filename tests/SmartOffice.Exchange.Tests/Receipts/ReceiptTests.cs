using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Receipts;
using SmartOffice.Signing;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Exchange.Tests.Receipts;

/// <summary>
/// A receipt is a PDF sealed with the service's certificate: our validator accepts it with the seal as its signer,
/// the facts inside read back exactly as issued, and changing any signed byte fails it.
/// </summary>
[TestClass]
public sealed partial class ReceiptTests
{
    private static readonly DemoPki Pki = DemoPki.Create();
    private static readonly Lazy<string> s_folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-receipt-pki-").FullName;
        Pki.WriteTo(folder);
        return folder;
    });

    private static readonly TimeZoneInfo Ulaanbaatar = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ulaanbaatar");

    [TestMethod]
    public void A_sealed_receipt_validates_with_the_seal_as_its_signer_and_its_facts_read_back()
    {
        var facts = Facts();

        var receipt = Sealer().Seal(facts, Ulaanbaatar);

        var report = Validator().Validate(receipt);
        Assert.IsTrue(report.Accepted, $"{report.Code}: {report.Message}");
        Assert.AreEqual(
            Pki.Seal.Certificate.GetCertHashString(HashAlgorithmName.SHA256),
            report.Signer!.Thumbprint,
            "the seal signed it"
        );
        Assert.AreEqual(
            Encoding.UTF8.GetString(ReceiptFacts.ToJson(facts)),
            Encoding.UTF8.GetString(ReceiptFacts.ToJson(ReceiptFacts.Read(receipt)!)),
            "the facts inside are the ones issued"
        );
        Assert.AreEqual("9011001", ReceiptFacts.Read(receipt)!.Recipient.RegistryNumber);
    }

    [TestMethod]
    public void The_same_facts_give_the_same_facts_stream_and_the_same_pages()
    {
        var facts = Facts();

        var first = ReceiptPdf.Create(facts, Ulaanbaatar);
        var second = ReceiptPdf.Create(facts with { }, Ulaanbaatar);

        CollectionAssert.AreEqual(ReceiptFacts.ToJson(facts), ReceiptFacts.Find(first));
        CollectionAssert.AreEqual(ReceiptFacts.Find(first), ReceiptFacts.Find(second));
        Assert.AreEqual(Streams(first), Streams(second), "the pages and the facts are byte for byte the same");
    }

    [TestMethod]
    public void Changing_any_one_signed_byte_fails_the_receipt()
    {
        var receipt = Sealer().Seal(Facts(), Ulaanbaatar);
        var range = ByteRange().Match(Encoding.Latin1.GetString(receipt));
        Assert.IsTrue(range.Success, "the receipt has a /ByteRange");
        var signedEnd = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var validator = Validator();
        var facts = Encoding.Latin1.GetString(receipt).IndexOf("9011001", StringComparison.Ordinal);
        var positions = new List<int> { 10, signedEnd / 2, signedEnd - 1, receipt.Length - 10 };
        if (facts > 0)
        {
            positions.Add(facts + 3);
        }

        foreach (var position in positions)
        {
            var changed = (byte[])receipt.Clone();
            changed[position] ^= 0x01;

            var report = validator.Validate(changed);

            Assert.IsFalse(report.Accepted, $"a receipt changed at byte {position} of {receipt.Length} was accepted");
        }
    }

    [TestMethod]
    public void A_receipt_in_a_reader_that_refuses_the_seal_as_a_letter_signer_is_accepted_only_when_asked()
    {
        var receipt = Sealer().Seal(Facts(), Ulaanbaatar);
        var validator = Validator([Pki.Seal.Certificate.GetCertHashString(HashAlgorithmName.SHA256)]);

        Assert.AreEqual(ValidationCodes.CertificateUsage, validator.Validate(receipt).Code, "never as a letter");
        Assert.IsTrue(validator.Validate(receipt, new ValidationRequest { AcceptServiceSeal = true }).Accepted);
    }

    internal static DeliveryReceipt Facts() =>
        new()
        {
            IssuedAt = new DateTimeOffset(2026, 12, 4, 6, 30, 5, TimeSpan.Zero),
            Issuer = Pki.Seal.Certificate.Subject,
            LetterId = Guid.Parse("0b6f3f0e-9c61-4a55-9f7e-3f4a3f9d2c11"),
            Subject = "Хан-Уул дүүрэгт агуулах барих зөвшөөрөл хүсэх тухай",
            Reference = "2026/117",
            SubmittedAt = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero),
            SignedBy = Pki.CompanyA.Certificate.Subject,
            Sender = new ReceiptParty("5123456", "Монгол Ачаа Тээвэр ХХК"),
            Recipient = new ReceiptParty("9011001", "Нийслэлийн Засаг Даргын Тамгын Газар"),
            State = "Registered",
            IncomingNumber = "2026/00042",
            Documents =
            [
                new ReceiptDocument(ReceiptDocumentRoles.Letter, new string('a', 64), new string('b', 64), 48213),
            ],
            Steps =
            [
                Step(EvidenceEvents.SubmissionAcceptance, 0, []),
                Step(EvidenceEvents.ContentConsignment, 1, []),
                Step(EvidenceEvents.ContentAccessTracking, 60, []),
                Step(EvidenceEvents.Registration, 90, [("incomingNumber", "2026/00042")]),
            ],
        };

    private static ReceiptStep Step(string name, int minutes, (string Key, string Value)[] details)
    {
        var at = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero).AddMinutes(minutes);
        return new(
            Guid.Parse($"00000000-0000-4000-8000-{minutes:D12}"),
            name,
            at,
            details.ToDictionary(d => d.Key, d => d.Value),
            []
        );
    }

    private static ReceiptSealer Sealer() =>
        new(new EvidenceSealer(Pki.Seal.Certificate, Pki.Seal.Chain), TimeProvider.System);

    private static PdfSignatureValidator Validator(IReadOnlyList<string>? refused = null) =>
        new(
            new SignatureValidationOptions
            {
                TrustDir = Path.Combine(s_folder.Value, "trust"),
                CrlPaths = [Path.Combine(s_folder.Value, "crl")],
                RefusedSignerThumbprints = refused ?? [],
            }
        );

    // What the pages draw and the facts: every stream but the XMP metadata, which PDFsharp stamps with new ids.
    private static string Streams(byte[] pdf) =>
        string.Join(
            "|",
            StreamData()
                .Matches(Encoding.Latin1.GetString(pdf))
                .Select(m => m.Groups[1].Value)
                .Where(s => !s.Contains("xmpmeta", StringComparison.Ordinal))
        );

    [GeneratedRegex(@"/ByteRange\s*\[\s*0\s+([0-9]+)")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"stream\r?\n(.*?)endstream", RegexOptions.Singleline)]
    private static partial Regex StreamData();
}
