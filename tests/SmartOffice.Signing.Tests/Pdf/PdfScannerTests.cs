using System.Text;
using SmartOffice.Signing.Pdf;

namespace SmartOffice.Signing.Tests.Pdf;

/// <summary>
/// The raw-byte scanner on hand-made files: structure, signatures wherever they hide, active content, DSS, bounds.
/// </summary>
[TestClass]
public sealed class PdfScannerTests
{
    internal static PdfScanResult Scan(byte[] file, PdfScanLimits? limits = null) =>
        PdfScanner.Scan(file, limits ?? new PdfScanLimits());

    [TestMethod]
    public void Reads_a_minimal_pdf_without_signatures()
    {
        var result = Scan(HandMadePdf.Minimal().Build());
        Assert.IsNull(result.ErrorCode, result.ErrorDetail);
        Assert.IsEmpty(result.Signatures);
        Assert.HasCount(1, result.RevisionEnds);
    }

    [TestMethod]
    public void Refuses_a_file_without_end_of_file_marker_as_malformed()
    {
        var file = HandMadePdf.Minimal().Build();
        Assert.AreEqual(ValidationCodes.PdfMalformed, Scan(file[..^7]).ErrorCode);
    }

    [TestMethod]
    public void Refuses_a_startxref_that_points_nowhere()
    {
        var text = Encoding.Latin1.GetString(HandMadePdf.Minimal().Build());
        var broken = System.Text.RegularExpressions.Regex.Replace(text, @"startxref\n\d+", "startxref\n12");
        Assert.AreEqual(ValidationCodes.PdfMalformed, Scan(Encoding.Latin1.GetBytes(broken)).ErrorCode);
    }

    [TestMethod]
    public void Reports_an_encrypted_pdf()
    {
        var pdf = HandMadePdf.Minimal().Add(4, "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>");
        pdf.TrailerExtra = "/Encrypt 4 0 R ";
        Assert.AreEqual(ValidationCodes.PdfEncrypted, Scan(pdf.Build()).ErrorCode);
    }

    [TestMethod]
    public void Finds_a_signature_dictionary_at_the_top_level_with_exact_contents_offsets()
    {
        var file = HandMadePdf
            .Minimal()
            .Add(
                4,
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30] "
                    + "/Contents <3082ABCD> >>"
            )
            .Build();
        var signature = Scan(file).Signatures.Single();

        Assert.AreEqual("ETSI.CAdES.detached", signature.SubFilter);
        CollectionAssert.AreEqual(new long[] { 0, 10, 20, 30 }, signature.ByteRange!.ToArray());
        CollectionAssert.AreEqual(new byte[] { 0x30, 0x82, 0xAB, 0xCD }, signature.Contents);
        Assert.AreEqual(
            "<3082ABCD>",
            Encoding.Latin1.GetString(
                file,
                (int)signature.ContentsStart!.Value,
                (int)(signature.ContentsEnd!.Value - signature.ContentsStart.Value)
            )
        );
    }

    [TestMethod]
    public void Finds_a_signature_dictionary_inside_an_object_stream()
    {
        var file = HandMadePdf
            .Minimal()
            .AddObjectStream(5, (4, "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>"))
            .Build();
        var signature = Scan(file).Signatures.Single();

        Assert.IsTrue(signature.IsInObjectStream);
        Assert.IsNull(signature.ContentsStart, "offsets inside a compressed stream are not file offsets");
    }

    [TestMethod]
    public void Finds_a_signature_nested_in_an_annotation_and_one_without_a_type()
    {
        var file = HandMadePdf
            .Minimal()
            .Add(
                4,
                "<< /Type /Annot /Subtype /Widget /FT /Sig /V << /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >> >>"
            )
            .Add(5, "<< /ByteRange [0 1 2 3] /Contents <00> >>")
            .Build();
        Assert.HasCount(2, Scan(file).Signatures);
    }

    [TestMethod]
    public void Refuses_an_object_defined_twice_in_one_revision_as_a_hidden_object()
    {
        var file = HandMadePdf
            .Minimal()
            .Add(4, "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>")
            .Add(4, "<< /Type /Sig /ByteRange [0 1 2 4] /Contents <01> >>")
            .Build();
        var result = Scan(file);
        Assert.AreEqual(ValidationCodes.PdfMalformed, result.ErrorCode);
        StringAssert.Contains(result.ErrorDetail, "not in the cross-reference");
    }

    [TestMethod]
    public void Decodes_escaped_names_and_unicode_text_strings()
    {
        var file = HandMadePdf
            .Minimal()
            .Add(
                4,
                @"<< /Type /S#69g /ByteRange [0 1 2 3] /Contents <3 0 8> "
                    + @"/Reason (a\(b\) \101) /Name <FEFF041104300442> >>"
            )
            .Build();
        var signature = Scan(file).Signatures.Single();

        Assert.AreEqual("Sig", signature.Type);
        CollectionAssert.AreEqual(new byte[] { 0x30, 0x80 }, signature.Contents);
        Assert.AreEqual("a(b) A", signature.Reason);
        Assert.AreEqual("Бат", signature.Name);
    }

    [TestMethod]
    [DataRow("<30zz>")]
    [DataRow("<3 0z>")]
    public void Refuses_a_hex_string_with_a_character_that_is_not_a_hex_digit(string contents)
    {
        var file = HandMadePdf.Minimal().Add(4, $"<< /Type /Sig /ByteRange [0 1 2 3] /Contents {contents} >>").Build();
        Assert.AreEqual(ValidationCodes.PdfMalformed, Scan(file).ErrorCode);
    }

    [TestMethod]
    public void Marks_a_signature_dictionary_with_a_repeated_key_and_refuses_differing_copies()
    {
        var same = HandMadePdf
            .Minimal()
            .Add(4, "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> /Contents <00> >>")
            .Build();
        Assert.IsTrue(Scan(same).Signatures.Single().HasDuplicateKeys);

        var different = HandMadePdf
            .Minimal()
            .Add(4, "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> /Contents <01> >>")
            .Build();
        Assert.AreEqual(ValidationCodes.PdfMalformed, Scan(different).ErrorCode);
    }

    [TestMethod]
    [DataRow("<< /S /JavaScript /JS (app.alert\\(1\\)) >>", "JavaScript")]
    [DataRow("<< /S /Launch /F (calc.exe) >>", "Launch")]
    [DataRow("<< /S /SubmitForm /F (http://example.invalid) >>", "SubmitForm")]
    [DataRow("<< /S /ImportData /F (data.fdf) >>", "ImportData")]
    [DataRow("<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>", "GoToR")]
    [DataRow("<< /Type /Filespec /F (a.exe) /EF << /F 9 0 R >> >>", "embedded file")]
    [DataRow("<< /Type /Annot /Subtype /RichMedia /Rect [0 0 1 1] >>", "RichMedia")]
    [DataRow("<< /Fields [] /XFA 9 0 R >>", "XFA")]
    public void Reports_each_kind_of_active_content(string body, string expected)
    {
        var found = Scan(HandMadePdf.Minimal().Add(4, body).Build()).ActiveContent;
        Assert.IsTrue(found.Any(f => f.Contains(expected, StringComparison.Ordinal)), string.Join("; ", found));
    }

    [TestMethod]
    public void Reads_revocation_data_from_the_dss_including_compressed_streams()
    {
        var crl = new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 };
        var pdf = new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R /DSS 4 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .Add(4, "<< /CRLs [5 0 R] /OCSPs [6 0 R] >>")
            .AddStream(5, "<< >>", crl)
            .AddStream(6, "<< /Filter /FlateDecode >>", HandMadePdf.Deflate([1, 2, 3]));
        var result = Scan(pdf.Build());

        Assert.IsNull(result.ErrorCode, result.ErrorDetail);
        CollectionAssert.AreEqual(crl, result.DssCrls.Single());
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, result.DssOcspResponses.Single());
    }

    [TestMethod]
    public void Refuses_an_object_stream_that_inflates_past_the_bound()
    {
        var bomb = HandMadePdf.Deflate(new byte[8 * 1024 * 1024]);
        var file = HandMadePdf
            .Minimal()
            .AddStream(5, "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>", bomb)
            .Build();
        var result = Scan(file, new PdfScanLimits { MaxInflatedBytes = 1024 * 1024 });

        Assert.AreEqual(ValidationCodes.PdfMalformed, result.ErrorCode);
        StringAssert.Contains(result.ErrorDetail, "inflate");
    }

    [TestMethod]
    public void Refuses_deep_nesting_quickly()
    {
        var file = HandMadePdf.Minimal().Add(4, new string('[', 100_000) + new string(']', 100_000)).Build();
        var result = Scan(file);

        Assert.AreEqual(ValidationCodes.PdfMalformed, result.ErrorCode);
        StringAssert.Contains(result.ErrorDetail, "nested");
    }

    [TestMethod]
    public void Does_not_loop_on_circular_references()
    {
        var pdf = new HandMadePdf()
            .Add(1, "<< /Type /Catalog /Pages 2 0 R /DSS 4 0 R >>")
            .Add(2, "<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>")
            .Add(4, "<< /CRLs 4 0 R /Self 4 0 R >>");
        Assert.IsNull(Scan(pdf.Build()).ErrorCode);
    }

    [TestMethod]
    public void Tolerates_a_stream_with_a_wrong_length_by_finding_endstream()
    {
        var text = Encoding
            .Latin1.GetString(HandMadePdf.Minimal().AddStream(4, "<< >>", [1, 2, 3, 4, 5]).Build())
            .Replace("/Length 5", "/Length 9", StringComparison.Ordinal);
        Assert.IsNull(Scan(Encoding.Latin1.GetBytes(text)).ErrorCode);
    }

    [TestMethod]
    public void Never_throws_on_thousands_of_random_mutations()
    {
        var original = HandMadePdf
            .Minimal()
            .Add(4, "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>")
            .AddObjectStream(5, (6, "<< /A [1 2 (x)] >>"))
            .Build();
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var file = (byte[])original.Clone();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                file[random.Next(file.Length)] = (byte)random.Next(256);
            }

            var result = Scan(random.Next(10) == 0 ? file[..random.Next(file.Length)] : file);
            Assert.IsTrue(
                result.ErrorCode
                    is null
                        or ValidationCodes.PdfMalformed
                        or ValidationCodes.NotPdf
                        or ValidationCodes.PdfEncrypted,
                result.ErrorCode
            );
        }
    }
}
