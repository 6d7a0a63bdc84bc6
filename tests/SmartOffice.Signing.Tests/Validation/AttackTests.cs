using System.Text;
using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// Known attacks on PDF signatures, each made in code from a valid letter and refused with its exact code.
/// </summary>
[TestClass]
public sealed class AttackTests
{
    private static DemoPki Pki => TestCorpus.Pki;

    private static byte[] Signed => TestCorpus.SignedByCompanyA;

    [TestMethod]
    public void Refuses_an_annotation_added_after_signing()
    {
        var number = IncrementalUpdate.NextObjectNumber(Signed);
        var file = IncrementalUpdate.Append(
            Signed,
            new Dictionary<int, string>
            {
                [number] =
                    "<< /Type /Annot /Subtype /FreeText /Rect [50 700 400 740] /Contents (Зөвшөөрөв) /DA (/Helv 12 "
                    + "Tf 0 g) >>",
            }
        );

        var report = TestCorpus.Validate(file);
        ReportAssert.Refused(report, ValidationCodes.ModifiedAfterSigning);
        StringAssert.Contains(report.Message, $"{number} 0");
    }

    [TestMethod]
    public void Refuses_a_page_changed_after_signing()
    {
        var page = IncrementalUpdate.FirstPage(Signed);
        var body = IncrementalUpdate
            .ObjectBody(Signed, page)
            .Replace("/Type", "/Rotate 180 /Type", StringComparison.Ordinal);
        var file = IncrementalUpdate.Append(Signed, new Dictionary<int, string> { [page] = body });

        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.ModifiedAfterSigning);
    }

    [TestMethod]
    public void Refuses_a_whitespace_byte_appended_after_signing() =>
        ReportAssert.Refused(TestCorpus.Validate([.. Signed, (byte)'\n']), ValidationCodes.ModifiedAfterSigning);

    [TestMethod]
    [DataRow("X")]
    [DataRow("PK\u0003\u0004 a zip archive")]
    [DataRow("\n1 0 obj << /Type /Sig >> endobj\n")]
    public void Refuses_anything_but_whitespace_after_the_last_end_of_file_marker(string appended) =>
        ReportAssert.Refused(
            TestCorpus.Validate([.. Signed, .. Encoding.Latin1.GetBytes(appended)]),
            ValidationCodes.PdfMalformed
        );

    [TestMethod]
    public void Refuses_a_byte_range_whose_gap_is_wider_than_the_signature_value()
    {
        var r = BytePatch.ByteRange(Signed);
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.WithByteRange(Signed, 0, r[1] - 40, r[2], r[3])),
            ValidationCodes.SignatureNotCoveringFile
        );
    }

    [TestMethod]
    public void Refuses_overlapping_byte_ranges()
    {
        var r = BytePatch.ByteRange(Signed);
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.WithByteRange(Signed, 0, r[2] + 10, r[2], r[3])),
            ValidationCodes.SignatureNotCoveringFile
        );
    }

    [TestMethod]
    public void Refuses_a_byte_range_that_stops_short_of_the_end()
    {
        var r = BytePatch.ByteRange(Signed);
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.WithByteRange(Signed, 0, r[1], r[2], r[3] - 100)),
            ValidationCodes.SignatureNotCoveringFile
        );
    }

    [TestMethod]
    public void Refuses_a_byte_range_that_does_not_start_at_zero()
    {
        var r = BytePatch.ByteRange(Signed);
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.WithByteRange(Signed, 10, r[1] - 10, r[2], r[3])),
            ValidationCodes.SignatureNotCoveringFile
        );
    }

    [TestMethod]
    public void Refuses_signature_wrapping_with_a_second_contents()
    {
        var (number, body) = SignatureObject(Signed);
        var wrapped = body.Replace("/ByteRange", "/Contents <3082> /ByteRange", StringComparison.Ordinal);
        var file = IncrementalUpdate.Append(Signed, new Dictionary<int, string> { [number] = wrapped });

        // Two different /Contents in one dictionary: readers disagree on which counts, so the file is not read at all.
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.PdfMalformed);
    }

    [TestMethod]
    public void Refuses_signature_wrapping_with_a_moved_byte_range()
    {
        var (number, body) = SignatureObject(Signed);
        var r = BytePatch.ByteRange(Signed);
        var moved = System.Text.RegularExpressions.Regex.Replace(
            body,
            @"/ByteRange\s*\[[^\]]*\]",
            FormattableString.Invariant($"/ByteRange [0 {r[1]} {r[2]} {r[3] + 500}]")
        );
        var file = IncrementalUpdate.Append(Signed, new Dictionary<int, string> { [number] = moved });

        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.SignatureMultiple);
    }

    [TestMethod]
    public void Refuses_an_empty_signature_value() =>
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.Replace(Signed, BytePatch.SignatureHex, m => new string('0', m.Length))),
            ValidationCodes.SignatureInvalid
        );

    [TestMethod]
    public void Refuses_a_null_signature_value() =>
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.Replace(Signed, BytePatch.SignatureContents, _ => "/Contents null")),
            ValidationCodes.SignatureNotCoveringFile
        );

    [TestMethod]
    public void Refuses_a_missing_signature_value() =>
        ReportAssert.Refused(
            TestCorpus.Validate(
                BytePatch.Replace(Signed, @"/Contents(\s*<[0-9A-Fa-f]{200,}>)", m => "/Contentz" + m.Groups[1].Value)
            ),
            ValidationCodes.SignatureNotCoveringFile
        );

    [TestMethod]
    public void Refuses_a_missing_byte_range() =>
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.Replace(Signed, @"/ByteRange", _ => "/ByteRangX")),
            ValidationCodes.SignatureNotCoveringFile
        );

    [TestMethod]
    public void Refuses_a_null_byte_range() =>
        ReportAssert.Refused(
            TestCorpus.Validate(BytePatch.Replace(Signed, @"/ByteRange\s*\[[^\]]*\]", _ => "/ByteRange null")),
            ValidationCodes.SignatureNotCoveringFile
        );

    [TestMethod]
    public void Refuses_a_signature_without_a_certificate() =>
        ReportAssert.Refused(
            TestCorpus.Validate(
                TestCorpus.SignedBy(
                    Pki.CompanyA,
                    new PdfSignerOptions { IncludeCertificate = false, IncludeChain = false }
                )
            ),
            ValidationCodes.SignatureInvalid
        );

    [TestMethod]
    public void Refuses_a_signature_value_with_data_hidden_in_its_padding()
    {
        var file = BytePatch.Replace(Signed, BytePatch.SignatureHex, m => m.Value[..^1] + "7");
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.SignatureInvalid);
    }

    [TestMethod]
    public void Refuses_a_letter_whose_bytes_were_altered_inside_the_signed_range()
    {
        var file = (byte[])Signed.Clone();
        var index = Encoding.Latin1.GetString(file).IndexOf("/MediaBox", StringComparison.Ordinal) + 1;
        file[index] = (byte)'m';
        var report = TestCorpus.Validate(file);
        ReportAssert.Refused(report, ValidationCodes.SignatureInvalid);
        Assert.AreEqual(SubIndications.HashFailure, report.SubIndication);
    }

    [TestMethod]
    public void Refuses_two_valid_signatures()
    {
        var file = RawSigner.AppendSignature(Signed, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);
        var report = TestCorpus.Validate(file);
        ReportAssert.Refused(report, ValidationCodes.SignatureMultiple);
        StringAssert.Contains(report.Message, "2");
    }

    [TestMethod]
    public void Refuses_one_valid_and_one_invalid_signature()
    {
        var file = RawSigner.AppendSignature(Signed, Pki.CompanyB.Certificate, Pki.CompanyB.Chain, tamperCms: cms =>
        {
            cms[^5] ^= 0xFF;
            return cms;
        });
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.SignatureMultiple);
    }

    [TestMethod]
    public void Accepts_a_single_signature_added_as_an_incremental_update()
    {
        var file = RawSigner.AppendSignature(TestCorpus.UnsignedLetter, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);
        ReportAssert.Accepted(TestCorpus.Validate(file, "5123456"));
    }

    [TestMethod]
    public void Refuses_a_signature_dictionary_hidden_outside_the_form()
    {
        var letter = TestCorpus.UnsignedLetter;
        var hidden = IncrementalUpdate.Append(
            letter,
            new Dictionary<int, string>
            {
                [IncrementalUpdate.NextObjectNumber(letter)] =
                    "<< /Type /Annot /Subtype /Link /Rect [0 0 0 0] /Extra << /Type /Sig /Filter /Adobe.PPKLite "
                    + "/SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <00> >> >>",
            }
        );
        var file = RawSigner.AppendSignature(hidden, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);

        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.SignatureMultiple);
    }

    [TestMethod]
    public void Refuses_a_huge_signature_value() =>
        ReportAssert.Refused(
            TestCorpus.Validate(
                RawSigner.AppendSignature(
                    TestCorpus.UnsignedLetter,
                    Pki.CompanyA.Certificate,
                    Pki.CompanyA.Chain,
                    contentsBytes: 3_000_000
                )
            ),
            ValidationCodes.SignatureInvalid
        );

    [TestMethod]
    public void Refuses_a_letter_signed_by_a_company_other_than_the_sender() =>
        ReportAssert.Refused(
            TestCorpus.Validate(TestCorpus.SignedBy(Pki.CompanyB), "5123456"),
            ValidationCodes.SignerOrgMismatch
        );

    private static (int Number, string Body) SignatureObject(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var match = System.Text.RegularExpressions.Regex.Match(
            text,
            @"(\d+) 0 obj\s*(<<(?:(?!endobj).)*?/ByteRange(?:(?!endobj).)*?)\s*endobj",
            System.Text.RegularExpressions.RegexOptions.Singleline
        );
        return (
            int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[2].Value
        );
    }
}
