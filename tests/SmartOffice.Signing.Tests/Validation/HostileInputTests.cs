using System.Text;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// Files that are not letters at all: each ends in a report with a code, never an exception or a hang.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    [TestMethod]
    [DataRow(
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 },
        DisplayName = "PNG"
    )]
    [DataRow(new byte[] { 0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0 }, DisplayName = "ZIP")]
    [DataRow(new byte[] { }, DisplayName = "empty")]
    public void Refuses_files_that_are_not_pdf(byte[] file) =>
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.NotPdf);

    [TestMethod]
    public void Refuses_an_html_page_renamed_to_pdf() =>
        ReportAssert.Refused(
            TestCorpus.Validate(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Албан бичиг %PDF</body></html>")),
            ValidationCodes.NotPdf
        );

    [TestMethod]
    public void Refuses_a_truncated_letter()
    {
        var signed = TestCorpus.SignedByCompanyA;
        ReportAssert.Refused(TestCorpus.Validate(signed[..(signed.Length / 2)]), ValidationCodes.PdfMalformed);
    }

    [TestMethod]
    public void Refuses_an_encrypted_pdf()
    {
        var letter = TestCorpus.UnsignedLetter;
        var number = IncrementalUpdate.NextObjectNumber(letter);
        var encrypted = IncrementalUpdate.Append(
            letter,
            new Dictionary<int, string>
            {
                [number] = "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1068 /O <00> /U <00> >>",
            }
        );
        var text = Encoding.Latin1.GetString(encrypted);
        var trailer = text.LastIndexOf("/Prev", StringComparison.Ordinal);
        encrypted =
        [
            .. encrypted[..trailer],
            .. Encoding.Latin1.GetBytes($"/Encrypt {number} 0 R "),
            .. encrypted[trailer..],
        ];

        ReportAssert.Refused(TestCorpus.Validate(encrypted), ValidationCodes.PdfEncrypted);
    }

    [TestMethod]
    public void Refuses_deeply_nested_arrays_without_exhausting_the_stack()
    {
        var body = new string('[', 200_000) + new string(']', 200_000);
        var file = IncrementalUpdate.Append(TestCorpus.UnsignedLetter, new Dictionary<int, string> { [900] = body });
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.PdfMalformed);
    }

    [TestMethod]
    public void Refuses_a_file_that_takes_longer_than_the_time_bound()
    {
        var body = "[" + string.Concat(Enumerable.Repeat("1 2 R ", 1_500_000)) + "]";
        var file = IncrementalUpdate.Append(TestCorpus.UnsignedLetter, new Dictionary<int, string> { [900] = body });
        var validator = new PdfSignatureValidator(
            TestCorpus.Options() with
            {
                MaxValidationTime = TimeSpan.FromMilliseconds(1),
            }
        );

        var report = validator.Validate(file);
        ReportAssert.Refused(report, ValidationCodes.PdfMalformed);
    }

    [TestMethod]
    public void Refuses_circular_references_without_looping()
    {
        var letter = TestCorpus.UnsignedLetter;
        var (root, _) = IncrementalUpdate.Root(letter);
        var catalog = IncrementalUpdate.ObjectBody(letter, root);
        var looped = IncrementalUpdate.Append(
            letter,
            new Dictionary<int, string>
            {
                [root] = catalog.Replace("/Type", "/DSS 901 0 R /Type", StringComparison.Ordinal),
                [901] = "<< /Next 902 0 R /CRLs 902 0 R >>",
                [902] = "<< /Next 901 0 R /Parent 902 0 R >>",
            }
        );
        var signed = RawSigner.AppendSignature(
            looped,
            TestCorpus.Pki.CompanyA.Certificate,
            TestCorpus.Pki.CompanyA.Chain
        );

        var report = TestCorpus.Validate(signed);
        Assert.IsFalse(string.IsNullOrEmpty(report.Code));
    }

    [TestMethod]
    public void Never_throws_and_never_accepts_a_letter_with_a_flipped_byte()
    {
        var signed = TestCorpus.SignedByCompanyA;
        var range = BytePatch.ByteRange(signed);
        var random = new Random(20261122);
        for (var i = 0; i < 300; i++)
        {
            var file = (byte[])signed.Clone();
            var index = random.Next(file.Length);
            file[index] ^= (byte)random.Next(1, 256);
            var report = TestCorpus.Validate(file);

            Assert.IsFalse(string.IsNullOrEmpty(report.Code));
            var insideSignatureValue = index >= range[1] && index < range[2];
            if (!insideSignatureValue)
            {
                Assert.IsFalse(report.Accepted, $"byte {index} flipped and still accepted");
            }
        }
    }
}
