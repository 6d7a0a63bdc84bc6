using System.Security.Cryptography;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// One validator shared by many threads, reloading its trust, and revocation/timestamp data carried by the letter.
/// </summary>
[TestClass]
public sealed class ValidatorLifecycleTests
{
    [TestMethod]
    public void Gives_the_same_verdicts_when_shared_by_many_threads()
    {
        var good = TestCorpus.SignedByCompanyA;
        var revoked = TestCorpus.SignedBy(TestCorpus.Pki.Revoked);
        var codes = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 80, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            codes.Add((i % 2 == 0 ? TestCorpus.Validate(good) : TestCorpus.Validate(revoked)).Code)
        );

        Assert.AreEqual(40, codes.Count(c => c == ValidationCodes.Ok));
        Assert.AreEqual(40, codes.Count(c => c == ValidationCodes.CertificateRevoked));
    }

    [TestMethod]
    public void Trusts_a_new_anchor_after_reload()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-reload-").FullName;
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions { TrustDir = folder, CrlPaths = [TestCorpus.CrlDir] }
        );
        ReportAssert.Refused(validator.Validate(TestCorpus.SignedByCompanyA), ValidationCodes.CertificateUntrusted);

        foreach (var file in Directory.GetFiles(TestCorpus.TrustDir))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        validator.ReloadTrust();
        ReportAssert.Accepted(validator.Validate(TestCorpus.SignedByCompanyA));
    }

    [TestMethod]
    public void Reads_trust_anchors_in_der_or_pem_whatever_their_file_names()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-trust-names-").FullName;
        File.WriteAllBytes(Path.Combine(folder, "root"), TestCorpus.Pki.Root.RawData);
        File.WriteAllText(Path.Combine(folder, "issuing.cert"), TestCorpus.Pki.Intermediate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a certificate");
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions { TrustDir = folder, CrlPaths = [TestCorpus.CrlDir] }
        );

        ReportAssert.Accepted(validator.Validate(TestCorpus.SignedByCompanyA));
        Assert.IsTrue(validator.Trust.Problems.Any(p => p.Contains("notes.txt", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Uses_a_crl_kept_in_the_pdf_document_security_store()
    {
        var letter = TestCorpus.UnsignedLetter;
        var (root, _) = IncrementalUpdate.Root(letter);
        var next = IncrementalUpdate.NextObjectNumber(letter);
        var catalog = IncrementalUpdate
            .ObjectBody(letter, root)
            .Replace("/Type", $"/DSS {next} 0 R /Type", StringComparison.Ordinal);
        // Issued after the signature's claimed time, as PAdES-LT data is: only then does the letter's own data count.
        var crl = TestCorpus.Pki.IssueCrl(
            DateTimeOffset.UtcNow.AddMinutes(2),
            DateTimeOffset.UtcNow.AddDays(7),
            [
                (
                    TestCorpus.Pki.Revoked.Certificate,
                    DateTimeOffset.UtcNow.AddHours(-1),
                    System.Security.Cryptography.X509Certificates.X509RevocationReason.KeyCompromise
                ),
            ]
        );
        var withDss = IncrementalUpdate.Append(
            letter,
            new Dictionary<int, string>
            {
                [root] = catalog,
                [next] = $"<< /CRLs [{next + 1} 0 R] >>",
                [next + 1] =
                    $"<< /Length {crl.Length} >>\nstream\n{System.Text.Encoding.Latin1.GetString(crl)}\nendstream",
            }
        );
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir });

        ReportAssert.Accepted(
            validator.Validate(
                RawSigner.AppendSignature(withDss, TestCorpus.Pki.CompanyA.Certificate, TestCorpus.Pki.CompanyA.Chain)
            )
        );
        ReportAssert.Refused(
            validator.Validate(
                RawSigner.AppendSignature(withDss, TestCorpus.Pki.Revoked.Certificate, TestCorpus.Pki.Revoked.Chain)
            ),
            ValidationCodes.CertificateRevoked
        );
    }

    [TestMethod]
    public void Reads_the_organization_from_the_configured_subject_attribute()
    {
        var identity = TestCorpus.Pki.Issue(
            new SmartOffice.Signing.Pki.DemoCertificateSpec
            {
                CommonName = "Serial CA style",
                OrganizationName = "Монгол Ачаа Тээвэр ХХК",
                RegistryNumber = "5123456",
                OrganizationIdentifierOid = "2.5.4.5",
            }
        );
        // The configured attribute still holds the ETSI form NTRMN-5123456: only the place differs.
        var signed = PdfSigner.Sign(TestCorpus.UnsignedLetter, identity.Certificate, identity.Chain);

        ReportAssert.Refused(TestCorpus.Validate(signed, "5123456"), ValidationCodes.SignerOrgMissing);
        var validator = new PdfSignatureValidator(TestCorpus.Options() with { OrganizationIdentifierOid = "2.5.4.5" });
        ReportAssert.Accepted(validator.Validate(signed, new ValidationRequest { ExpectedRegistryNumber = "5123456" }));
    }

    [TestMethod]
    public void Allows_active_content_only_when_configured()
    {
        var withScript = IncrementalUpdate.Append(
            TestCorpus.UnsignedLetter,
            new Dictionary<int, string>
            {
                [IncrementalUpdate.NextObjectNumber(TestCorpus.UnsignedLetter)] =
                    "<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
            }
        );
        var signed = RawSigner.AppendSignature(
            withScript,
            TestCorpus.Pki.CompanyA.Certificate,
            TestCorpus.Pki.CompanyA.Chain
        );
        var report = new PdfSignatureValidator(TestCorpus.Options() with { RefuseActiveContent = false }).Validate(
            signed
        );

        ReportAssert.Accepted(report);
        Assert.IsTrue(report.Warnings.Any(w => w.Contains("JavaScript", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Checks_certificate_validity_at_a_trusted_timestamp()
    {
        var signingTime = DateTimeOffset.UtcNow;
        var authority = new SmartOffice.Signing.Pki.DemoTimestampAuthority(TestCorpus.Pki.TimestampAuthority);
        var options = new PdfSignerOptions
        {
            TimestampTokenProvider = signature =>
                authority.CreateToken(signature, HashAlgorithmName.SHA256, signingTime),
        };
        var stamped = TestCorpus.SignedBy(TestCorpus.Pki.CompanyA, options);
        var threeYearsLater = new ValidationRequest { ValidationTime = signingTime.AddYears(3) };
        var crlFolder = TempFolder.With(
            (
                "then.crl",
                TestCorpus.Pki.IssueCrl(signingTime.AddYears(3).AddHours(-1), signingTime.AddYears(3).AddDays(7), [])
            )
        );
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir, CrlPaths = [crlFolder] }
        );

        var report = validator.Validate(stamped, threeYearsLater);
        ReportAssert.Accepted(report);
        Assert.IsTrue(report.Timestamp?.IsTrusted);
        ReportAssert.Refused(
            validator.Validate(TestCorpus.SignedByCompanyA, threeYearsLater),
            ValidationCodes.CertificateExpired
        );
    }
}
