using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using SmartOffice.Signing.Pdf;
using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Signing;

/// <summary>PdfSigner makes one PAdES signature that independent tools accept.</summary>
[TestClass]
public sealed class PdfSignerTests
{
    [TestMethod]
    public void Signs_a_letter_that_poppler_pdfsig_reports_valid_and_complete()
    {
        var file = Path.Combine(Path.GetTempPath(), $"smartoffice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, TestCorpus.SignedByCompanyA);
        using var pdfsig = Process.Start(
            new ProcessStartInfo("pdfsig", ["-nocert", file]) { RedirectStandardOutput = true }
        )!;
        var output = pdfsig.StandardOutput.ReadToEnd();
        pdfsig.WaitForExit();

        StringAssert.Contains(output, "Signature is Valid");
        StringAssert.Contains(output, "Total document signed");
        StringAssert.Contains(output, "ETSI.CAdES.detached");
    }

    [TestMethod]
    public void Covers_the_whole_file_except_the_signature_value()
    {
        var file = TestCorpus.SignedByCompanyA;
        var signature = PdfScanner.Scan(file, new PdfScanLimits()).Signatures.Single();

        CollectionAssert.AreEqual(
            new[]
            {
                0,
                signature.ContentsStart!.Value,
                signature.ContentsEnd!.Value,
                file.Length - signature.ContentsEnd.Value,
            },
            signature.ByteRange!.ToArray()
        );
        Assert.AreEqual("ETSI.CAdES.detached", signature.SubFilter);
    }

    [TestMethod]
    public void Writes_a_cades_cms_with_signing_certificate_v2_and_the_chain()
    {
        var file = TestCorpus.SignedByCompanyA;
        var signature = PdfScanner.Scan(file, new PdfScanLimits()).Signatures.Single();
        var cms = new SignedCms(
            new ContentInfo([
                .. file.AsSpan(0, (int)signature.ContentsStart!.Value),
                .. file.AsSpan((int)signature.ContentsEnd!.Value),
            ]),
            detached: true
        );
        var der = signature.Contents!;
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(
            der,
            System.Formats.Asn1.AsnEncodingRules.BER,
            out _,
            out _,
            out var length
        );
        cms.Decode(der.AsSpan(0, length));
        cms.CheckSignature(verifySignatureOnly: true);

        var signer = cms.SignerInfos[0];
        Assert.IsTrue(
            signer
                .SignedAttributes.Cast<CryptographicAttributeObject>()
                .Any(a => a.Oid.Value == "1.2.840.113549.1.9.16.2.47")
        );
        Assert.AreEqual(TestCorpus.Pki.CompanyA.Certificate.Thumbprint, signer.Certificate!.Thumbprint);
        Assert.IsTrue(
            cms.Certificates.Cast<System.Security.Cryptography.X509Certificates.X509Certificate2>()
                .Any(c => c.Subject.Contains("Issuing CA", StringComparison.Ordinal))
        );
        Assert.AreEqual("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
    }

    [TestMethod]
    public void Adds_a_signature_timestamp_that_dotnet_decodes_and_verifies()
    {
        var authority = new DemoTimestampAuthority(TestCorpus.Pki.TimestampAuthority);
        var signatureValue = RandomNumberGenerator.GetBytes(256);
        var token = authority.CreateToken(signatureValue, HashAlgorithmName.SHA256, DateTimeOffset.UtcNow);

        Assert.IsTrue(Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        Assert.IsTrue(
            decoded!.VerifySignatureForData(
                signatureValue,
                out var tsa,
                [TestCorpus.Pki.TimestampAuthority.Certificate]
            )
        );
        Assert.AreEqual(TestCorpus.Pki.TimestampAuthority.Certificate.Thumbprint, tsa!.Thumbprint);
    }

    [TestMethod]
    public void Refuses_to_sign_a_letter_that_is_already_signed() =>
        Assert.ThrowsExactly<ArgumentException>(() =>
            PdfSigner.Sign(
                TestCorpus.SignedByCompanyA,
                TestCorpus.Pki.CompanyB.Certificate,
                TestCorpus.Pki.CompanyB.Chain
            )
        );

    [TestMethod]
    public void Writes_mongolian_text_that_pdftotext_reads_back()
    {
        var file = Path.Combine(Path.GetTempPath(), $"smartoffice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, TestCorpus.UnsignedLetter);
        using var pdftotext = Process.Start(
            new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true }
        )!;
        var text = pdftotext.StandardOutput.ReadToEnd();
        pdftotext.WaitForExit();

        StringAssert.Contains(text, "Улаанбаатар");
        StringAssert.Contains(text, "Ёслол, үүрэг, өргөдөл");
    }
}
