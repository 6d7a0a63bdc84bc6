using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// Every row of DESIGN.md's validation table, each asserting its code, plus the letters that must pass.
/// </summary>
[TestClass]
public sealed class ValidationTableTests
{
    private static DemoPki Pki => TestCorpus.Pki;

    [TestMethod]
    public void Accepts_a_letter_signed_by_the_sending_company()
    {
        var file = TestCorpus.SignedByCompanyA;
        var report = TestCorpus.Validate(file, "5123456");

        ReportAssert.Accepted(report);
        Assert.AreEqual("5123456", report.Signer?.RegistryNumber);
        Assert.AreEqual("NTRMN-5123456", report.Signer?.OrganizationId);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(file)), report.DocumentSha256);
        Assert.AreEqual("SHA256", report.DigestAlgorithm);
        CollectionAssert.AreEqual(
            new[]
            {
                "format",
                "signature_count",
                "byte_range",
                "no_changes_after_signing",
                "cryptographic_signature",
                "algorithms",
                "certificate_chain",
                "certificate_validity",
                "revocation",
                "active_content",
                "signer_organization",
            },
            report.Checks.Select(c => c.Name).ToArray()
        );
    }

    [TestMethod]
    [DataRow("SHA384", "ETSI.CAdES.detached", false)]
    [DataRow("SHA512", "ETSI.CAdES.detached", false)]
    [DataRow("SHA256", "adbe.pkcs7.detached", false)]
    [DataRow("SHA256", "ETSI.CAdES.detached", true)]
    public void Accepts_strong_digests_both_subfilters_and_rsa_pss(string digest, string subFilter, bool pss)
    {
        var options = new PdfSignerOptions
        {
            Digest = new HashAlgorithmName(digest),
            SubFilter = subFilter,
            UseRsaPss = pss,
        };
        ReportAssert.Accepted(TestCorpus.Validate(TestCorpus.SignedBy(Pki.CompanyB, options), "6234567"));
    }

    [TestMethod]
    public void Accepts_an_ecdsa_p256_signature()
    {
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "EC signer",
                OrganizationName = "Тэнгэр Програм ХХК",
                RegistryNumber = "6234567",
                KeyType = DemoKeyType.EcdsaP256,
            }
        );
        ReportAssert.Accepted(TestCorpus.Validate(TestCorpus.SignedBy(identity, new PdfSignerOptions()), "6234567"));
    }

    [TestMethod]
    public void Refuses_a_file_over_the_size_limit()
    {
        var validator = new PdfSignatureValidator(TestCorpus.Options() with { MaxFileBytes = 1000 });
        ReportAssert.Refused(validator.Validate(TestCorpus.SignedByCompanyA), ValidationCodes.FileTooLarge);
    }

    [TestMethod]
    public async Task Stops_reading_a_stream_past_the_size_limit()
    {
        var validator = new PdfSignatureValidator(TestCorpus.Options() with { MaxFileBytes = 4096 });
        using var endless = new EndlessStream();
        var report = await validator.ValidateAsync(endless);

        ReportAssert.Refused(report, ValidationCodes.FileTooLarge);
        Assert.IsLessThanOrEqualTo(8192L, endless.BytesRead);
    }

    [TestMethod]
    public void Refuses_an_unsigned_letter() =>
        ReportAssert.Refused(TestCorpus.Validate(TestCorpus.UnsignedLetter), ValidationCodes.SignatureMissing);

    [TestMethod]
    public void Refuses_a_sha1_digest_as_weak() =>
        ReportAssert.Refused(
            TestCorpus.Validate(
                TestCorpus.SignedBy(Pki.CompanyA, new PdfSignerOptions { Digest = HashAlgorithmName.SHA1 })
            ),
            ValidationCodes.WeakAlgorithm
        );

    [TestMethod]
    public void Refuses_an_rsa_1024_key_as_weak()
    {
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Short key",
                OrganizationName = "Монгол Ачаа Тээвэр ХХК",
                RegistryNumber = "5123456",
                KeyType = DemoKeyType.Rsa1024,
            }
        );
        ReportAssert.Refused(
            TestCorpus.Validate(TestCorpus.SignedBy(identity, new PdfSignerOptions())),
            ValidationCodes.WeakAlgorithm
        );
    }

    [TestMethod]
    public void Refuses_a_certificate_signed_with_sha1_as_weak()
    {
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "SHA-1 cert",
                OrganizationName = "Монгол Ачаа Тээвэр ХХК",
                RegistryNumber = "5123456",
                SignatureHash = HashAlgorithmName.SHA1,
            }
        );
        ReportAssert.Refused(
            TestCorpus.Validate(TestCorpus.SignedBy(identity, new PdfSignerOptions())),
            ValidationCodes.WeakAlgorithm
        );
    }

    [TestMethod]
    public void Refuses_a_certificate_from_an_untrusted_authority()
    {
        var report = TestCorpus.Validate(TestCorpus.SignedBy(Pki.Untrusted));
        ReportAssert.Refused(report, ValidationCodes.CertificateUntrusted);
        StringAssert.Contains(report.Message, "Untrusted Root CA");
    }

    [TestMethod]
    public void Refuses_a_certificate_without_a_signing_key_usage()
    {
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Encryption only",
                OrganizationName = "Монгол Ачаа Тээвэр ХХК",
                RegistryNumber = "5123456",
                KeyUsages = X509KeyUsageFlags.KeyEncipherment,
            }
        );
        ReportAssert.Refused(
            TestCorpus.Validate(TestCorpus.SignedBy(identity, new PdfSignerOptions())),
            ValidationCodes.CertificateUsage
        );
    }

    [TestMethod]
    public void Refuses_an_expired_certificate_naming_when_it_expired()
    {
        var report = TestCorpus.Validate(TestCorpus.SignedBy(Pki.Expired));
        ReportAssert.Refused(report, ValidationCodes.CertificateExpired);
        StringAssert.Contains(
            report.Message,
            new DateTimeOffset(Pki.Expired.Certificate.NotAfter)
                .ToUniversalTime()
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        );
        Assert.AreEqual(SubIndications.OutOfBoundsNoPoe, report.SubIndication);
    }

    [TestMethod]
    public void Refuses_a_certificate_that_is_not_yet_valid()
    {
        var identity = Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Future",
                OrganizationName = "Монгол Ачаа Тээвэр ХХК",
                RegistryNumber = "5123456",
                NotBefore = DateTimeOffset.UtcNow.AddDays(2),
                NotAfter = DateTimeOffset.UtcNow.AddYears(1),
            }
        );
        ReportAssert.Refused(
            TestCorpus.Validate(TestCorpus.SignedBy(identity, new PdfSignerOptions())),
            ValidationCodes.CertificateNotYetValid
        );
    }

    [TestMethod]
    public void Refuses_a_revoked_certificate_listed_in_the_crl()
    {
        var report = TestCorpus.Validate(TestCorpus.SignedBy(Pki.Revoked));
        ReportAssert.Refused(report, ValidationCodes.CertificateRevoked);
        Assert.AreEqual(SubIndications.Revoked, report.SubIndication);
    }

    [TestMethod]
    public void Refuses_with_revocation_unknown_when_no_crl_covers_the_signer_under_policy_require()
    {
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir });
        var report = validator.Validate(TestCorpus.SignedByCompanyA);
        ReportAssert.Refused(report, ValidationCodes.RevocationUnknown);
        Assert.AreEqual(SubIndications.TryLater, report.SubIndication);
    }

    [TestMethod]
    public void Accepts_with_a_warning_when_no_crl_covers_the_signer_under_policy_best_effort()
    {
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions
            {
                TrustDir = TestCorpus.TrustDir,
                RevocationPolicy = RevocationPolicy.BestEffort,
            }
        );
        var report = validator.Validate(TestCorpus.SignedByCompanyA);
        ReportAssert.Accepted(report);
        Assert.IsTrue(report.Warnings.Any(w => w.Contains("BestEffort", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Refuses_with_revocation_unknown_when_the_only_crl_is_stale()
    {
        var report = TestCorpus.Validator.Validate(
            TestCorpus.SignedByCompanyA,
            new ValidationRequest { ValidationTime = DateTimeOffset.UtcNow.AddDays(60) }
        );
        ReportAssert.Refused(report, ValidationCodes.RevocationUnknown);
        StringAssert.Contains(report.Message, "out of date");
    }

    [TestMethod]
    public void Refuses_a_letter_with_active_content()
    {
        var withScript = IncrementalUpdate.Append(
            TestCorpus.UnsignedLetter,
            new Dictionary<int, string>
            {
                [IncrementalUpdate.NextObjectNumber(TestCorpus.UnsignedLetter)] =
                    "<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
            }
        );
        var signed = RawSigner.AppendSignature(withScript, Pki.CompanyA.Certificate, Pki.CompanyA.Chain);
        ReportAssert.Refused(TestCorpus.Validate(signed), ValidationCodes.ActiveContent);
    }

    [TestMethod]
    public void Refuses_a_certificate_without_an_organization_identifier() =>
        ReportAssert.Refused(
            TestCorpus.Validate(TestCorpus.SignedBy(Pki.NoOrganization)),
            ValidationCodes.SignerOrgMissing
        );

    [TestMethod]
    public void Refuses_a_letter_signed_by_another_company()
    {
        var report = TestCorpus.Validate(TestCorpus.SignedByCompanyA, "6234567");
        ReportAssert.Refused(report, ValidationCodes.SignerOrgMismatch);
        StringAssert.Contains(report.Message, "5123456");
        StringAssert.Contains(report.Message, "6234567");
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'%', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
