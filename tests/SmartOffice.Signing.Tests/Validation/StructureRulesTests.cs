using System.Text;
using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Pdf;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// One model of the file that no viewer can disagree with: each rule of the structure check, made in code from
/// a valid letter, with the exact code it must give; and the harmless quirks real signing tools produce, accepted.
/// </summary>
[TestClass]
public sealed class StructureRulesTests
{
    private static DemoPki Pki => TestCorpus.Pki;

    private static byte[] Signed => TestCorpus.SignedByCompanyA;

    [TestMethod]
    [DataRow("<html><body>letter</body></html>\n")]
    [DataRow("PK\u0003\u0004")]
    [DataRow("\n")]
    public void Refuses_anything_before_the_pdf_header(string prefix)
    {
        var report = TestCorpus.Validate([.. Encoding.Latin1.GetBytes(prefix), .. Signed]);
        ReportAssert.Refused(report, ValidationCodes.NotPdf);
        StringAssert.Contains(report.Message, "before the %PDF- header");
    }

    [TestMethod]
    public void Refuses_a_cross_reference_entry_that_points_beside_its_object()
    {
        var file = IncrementalUpdate.Append(
            TestCorpus.UnsignedLetter,
            new Dictionary<int, string> { [90] = "<< /Type /Annot /Subtype /Text /Rect [0 0 1 1] >>" }
        );
        var text = Encoding.Latin1.GetString(file);
        var entry = text.LastIndexOf("90 1\n", StringComparison.Ordinal) + 5;
        var offset = long.Parse(text.AsSpan(entry, 10), System.Globalization.CultureInfo.InvariantCulture);
        Encoding.ASCII.GetBytes($"{offset + 3:D10}").CopyTo(file, entry);

        var signed = RawSigner.AppendSignature(file, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);
        var report = TestCorpus.Validate(signed);
        ReportAssert.Refused(report, ValidationCodes.PdfMalformed);
        StringAssert.Contains(report.Message, "object 90");
    }

    [TestMethod]
    public void Refuses_an_object_no_cross_reference_lists()
    {
        // An object between revisions that no xref section names: viewers never read it, the validator must not trust
        // it.
        var letter = TestCorpus.UnsignedLetter;
        byte[] file = [.. letter, .. "91 0 obj\n<< /S /JavaScript /JS (app.alert\\(1\\)) >>\nendobj\n"u8.ToArray()];
        var signed = RawSigner.AppendSignature(file, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);

        var report = TestCorpus.Validate(signed);
        ReportAssert.Refused(report, ValidationCodes.PdfMalformed);
        StringAssert.Contains(report.Message, "not in the cross-reference");
    }

    [TestMethod]
    [DataRow("% 5 0 obj << /Type /Sig >> endobj")]
    [DataRow("%comment then 12 0 obj")]
    public void Refuses_an_object_header_hidden_in_a_comment(string comment)
    {
        var update = IncrementalUpdate.Append(
            TestCorpus.UnsignedLetter,
            new Dictionary<int, string> { [90] = $"<< /Type /Annot /Subtype /Text /Rect [0 0 1 1] >>\n{comment}\n" }
        );
        var report = TestCorpus.Validate(
            RawSigner.AppendSignature(update, Pki.CompanyA.Certificate, Pki.CompanyA.Chain)
        );

        ReportAssert.Refused(report, ValidationCodes.PdfMalformed);
        StringAssert.Contains(report.Message, "comment");
    }

    [TestMethod]
    public void Refuses_an_object_header_hidden_in_stream_data()
    {
        const string data = "BT /F1 12 Tf (x) Tj ET\n7 0 obj << /S /JavaScript /JS (1) >> endobj\n";
        var update = IncrementalUpdate.Append(
            TestCorpus.UnsignedLetter,
            new Dictionary<int, string> { [90] = $"<< /Length {data.Length} >>\nstream\n{data}\nendstream" }
        );
        var report = TestCorpus.Validate(
            RawSigner.AppendSignature(update, Pki.CompanyA.Certificate, Pki.CompanyA.Chain)
        );

        ReportAssert.Refused(report, ValidationCodes.PdfMalformed);
        StringAssert.Contains(report.Message, "stream data");
    }

    [TestMethod]
    public void Reads_an_untyped_object_stream_that_a_cross_reference_stream_names()
    {
        var file = new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .AddObjectStream(5, untyped: true, (4, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"))
            .Build();
        var scan = PdfScannerTests.Scan(file);

        Assert.IsNull(scan.ErrorCode, scan.ErrorDetail);
        Assert.IsTrue(
            scan.ActiveContent.Any(a => a.Contains("JavaScript", StringComparison.Ordinal)),
            string.Join("; ", scan.ActiveContent)
        );
    }

    [TestMethod]
    public void Decodes_a_filter_chain_with_a_png_predictor_in_a_decode_parms_array()
    {
        var file = new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .AddObjectStream(5, untyped: false, chain: true, (4, "<< /S /Launch /F (cmd.exe) >>"))
            .Build();
        var scan = PdfScannerTests.Scan(file);

        Assert.IsNull(scan.ErrorCode, scan.ErrorDetail);
        Assert.IsTrue(
            scan.ActiveContent.Any(a => a.Contains("Launch", StringComparison.Ordinal)),
            string.Join("; ", scan.ActiveContent)
        );
    }

    [TestMethod]
    public void Refuses_a_filter_it_cannot_decode_exactly()
    {
        var file = new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .AddStream(5, "<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode >>", [0x80, 0x0B, 0x60, 0x50])
            .Build();
        Assert.AreEqual(ValidationCodes.PdfMalformed, PdfScannerTests.Scan(file).ErrorCode);
    }

    [TestMethod]
    [DataRow("<< /S 95 0 R /JS (app.alert\\(1\\)) >>", "/JavaScript")]
    [DataRow("<< /S 95 0 R /F (calc.exe) >>", "/Launch")]
    [DataRow("<< /S 95 0 R /F (https://example.org/form) >>", "/SubmitForm")]
    [DataRow("<< /S /GoToE /D [0 /Fit] >>", "/Ignored")]
    public void Refuses_actions_whose_type_is_indirect_or_any_dangerous_kind(string action, string indirectName)
    {
        var file = WithObjects(new Dictionary<int, string> { [94] = action, [95] = indirectName });
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.ActiveContent);
    }

    [TestMethod]
    public void Refuses_a_uri_that_opens_by_itself_but_not_a_link_the_reader_clicks()
    {
        var (root, _) = IncrementalUpdate.Root(TestCorpus.UnsignedLetter);
        var catalog = IncrementalUpdate.ObjectBody(TestCorpus.UnsignedLetter, root);
        var opening = WithObjects(
            new Dictionary<int, string>
            {
                [root] = catalog.Insert(catalog.IndexOf("<<", StringComparison.Ordinal) + 2, " /OpenAction 94 0 R"),
                [94] = "<< /S /URI /URI (https://example.org/track) >>",
            }
        );
        var clicked = WithObjects(
            new Dictionary<int, string>
            {
                [94] =
                    "<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A << /S /URI /URI (https://example.org) >> >>",
            }
        );

        ReportAssert.Refused(TestCorpus.Validate(opening), ValidationCodes.ActiveContent);
        ReportAssert.Accepted(TestCorpus.Validate(clicked, "5123456"));
    }

    [TestMethod]
    public void Refuses_a_signature_that_no_signature_field_shows()
    {
        var file = RawSigner.AppendSignature(
            TestCorpus.UnsignedLetter,
            Pki.CompanyA.Certificate,
            Pki.CompanyA.Chain,
            inField: false
        );
        var report = TestCorpus.Validate(file);

        ReportAssert.Refused(report, ValidationCodes.SignatureMissing);
        StringAssert.Contains(report.Message, "unsigned");
    }

    [TestMethod]
    public void Refuses_an_encrypt_entry_in_a_cross_reference_stream()
    {
        var file = new HandMadePdf
        {
            TrailerExtra = "/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> ",
        }
            .Add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .AddObjectStream(5, (4, "<< /Producer (x) >>"))
            .Build();
        Assert.AreEqual(ValidationCodes.PdfEncrypted, PdfScannerTests.Scan(file).ErrorCode);
    }

    [TestMethod]
    public void Accepts_what_signing_tools_write_between_revisions()
    {
        // pdf-lib + pdfsig: "%%EOF" with the next revision's first object on the same line; @signpdf: startxref
        // pointing at the line end before "xref"; old DOS tools: Ctrl-Z after an intermediate %%EOF; CRLF lines.
        var letter = TestCorpus.UnsignedLetter;
        var trimmed = letter.AsSpan().TrimEnd("\r\n"u8).ToArray();
        byte[] quirky = [.. trimmed, 0x1A];
        var update = IncrementalUpdate.Append(
            quirky,
            new Dictionary<int, string> { [90] = "<< /Type /Annot /Subtype /Text /Rect [0 0 1 1] >>" }
        );
        var text = Encoding
            .Latin1.GetString(update)
            .Replace("\u001A\n90 0 obj", "\u001A90 0 obj", StringComparison.Ordinal);
        var start = text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10;
        var xref = text.LastIndexOf("\nxref\n", StringComparison.Ordinal);
        text = string.Concat(
            text.AsSpan(0, start),
            xref.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "\r\n%%EOF\r\n"
        );
        var shifted = FixOffset(Encoding.Latin1.GetBytes(text), 90);

        var signed = RawSigner.AppendSignature(shifted, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);
        ReportAssert.Accepted(TestCorpus.Validate(signed, "5123456"));
    }

    private static byte[] WithObjects(Dictionary<int, string> objects) =>
        RawSigner.AppendSignature(
            IncrementalUpdate.Append(TestCorpus.UnsignedLetter, objects),
            Pki.CompanyA.Certificate,
            Pki.CompanyA.Chain
        );

    // The quirk moved object 90 one byte back (the line end after Ctrl-Z is gone): point its entry at it again.
    private static byte[] FixOffset(byte[] file, int number)
    {
        var text = Encoding.Latin1.GetString(file);
        var header = text.LastIndexOf($"{number} 0 obj", StringComparison.Ordinal);
        var entry = text.LastIndexOf($"{number} 1\n", StringComparison.Ordinal) + $"{number} 1\n".Length;
        Encoding.ASCII.GetBytes($"{header:D10}").CopyTo(file, entry);
        return file;
    }

    [TestMethod]
    [DataRow("<< /S /GoTo /D [0 /Fit] /S /Launch /F (calc.exe) >>")]
    [DataRow("<< /S /GoTo /D [0 /Fit] /S /URI /URI (https://example.org) >>")]
    public void Refuses_a_repeated_key_whose_copies_differ(string action)
    {
        // poppler and qpdf take the last copy of a repeated key: a validator reading the first would see a harmless
        // GoTo.
        var (root, _) = IncrementalUpdate.Root(TestCorpus.UnsignedLetter);
        var catalog = IncrementalUpdate.ObjectBody(TestCorpus.UnsignedLetter, root);
        var file = WithObjects(
            new Dictionary<int, string>
            {
                [root] = catalog.Insert(catalog.IndexOf("<<", StringComparison.Ordinal) + 2, " /OpenAction 94 0 R"),
                [94] = action,
            }
        );

        var report = TestCorpus.Validate(file);
        ReportAssert.Refused(report, ValidationCodes.PdfMalformed);
        StringAssert.Contains(report.Message, "repeats the key /S");
    }

    [TestMethod]
    public void Accepts_a_repeated_key_with_the_same_value()
    {
        var file = WithObjects(
            new Dictionary<int, string> { [94] = "<< /Type /Annot /Type /Annot /Subtype /Text /Rect [0 0 1 1] >>" }
        );
        ReportAssert.Accepted(TestCorpus.Validate(file, "5123456"));
    }

    [TestMethod]
    public void Reads_a_dictionary_of_a_hundred_thousand_keys_without_reaching_the_time_limit()
    {
        var keys = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"/K{i} {i} "));
        var file = new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .Add(3, $"<< {keys}>>")
            .Build();
        var scan = PdfScannerTests.Scan(file);

        Assert.IsNull(scan.ErrorCode, scan.ErrorDetail);
    }

    [TestMethod]
    public void Refuses_one_signature_that_two_fields_show()
    {
        // pdfsig lists such a letter as signed twice.
        var file = RawSigner.AppendSignature(
            TestCorpus.UnsignedLetter,
            Pki.CompanyA.Certificate,
            Pki.CompanyA.Chain,
            moreFieldsShowingIt: 1
        );
        ReportAssert.Refused(TestCorpus.Validate(file), ValidationCodes.SignatureMultiple);
    }
}
