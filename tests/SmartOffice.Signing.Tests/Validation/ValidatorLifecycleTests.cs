using System.Security.Cryptography;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>One validator shared by many threads, reloading its trust, and revocation/timestamp data carried by the letter.</summary>
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
            codes.Add((i % 2 == 0 ? TestCorpus.Validate(good) : TestCorpus.Validate(revoked)).Code));

        Assert.AreEqual(40, codes.Count(c => c == ValidationCodes.Ok));
        Assert.AreEqual(40, codes.Count(c => c == ValidationCodes.CertificateRevoked));
    }

    [TestMethod]
    public void Trusts_a_new_anchor_after_reload()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-reload-").FullName;
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = folder, CrlPaths = [TestCorpus.CrlDir] });
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
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = folder, CrlPaths = [TestCorpus.CrlDir] });

        ReportAssert.Accepted(validator.Validate(TestCorpus.SignedByCompanyA));
        Assert.IsTrue(validator.Trust.Problems.Any(p => p.Contains("notes.txt", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Uses_a_crl_embedded_in_the_signature()
    {
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir });
        var options = new PdfSignerOptions { RevocationCrls = [TestCorpus.Pki.Crl] };

        ReportAssert.Accepted(validator.Validate(TestCorpus.SignedBy(TestCorpus.Pki.CompanyA, options)));
        ReportAssert.Refused(validator.Validate(TestCorpus.SignedBy(TestCorpus.Pki.Revoked, options)), ValidationCodes.CertificateRevoked);
    }

    [TestMethod]
    public void Checks_certificate_validity_at_a_trusted_timestamp()
    {
        var signingTime = DateTimeOffset.UtcNow;
        var authority = new SmartOffice.Signing.Pki.DemoTimestampAuthority(TestCorpus.Pki.TimestampAuthority);
        var options = new PdfSignerOptions
        {
            TimestampTokenProvider = signature => authority.CreateToken(signature, HashAlgorithmName.SHA256, signingTime),
            RevocationCrls = [TestCorpus.Pki.Crl],
        };
        var stamped = TestCorpus.SignedBy(TestCorpus.Pki.CompanyA, options);
        var threeYearsLater = new ValidationRequest { ValidationTime = signingTime.AddYears(3) };

        var report = TestCorpus.Validator.Validate(stamped, threeYearsLater);
        ReportAssert.Accepted(report);
        Assert.IsTrue(report.Timestamp?.IsTrusted);
        ReportAssert.Refused(TestCorpus.Validator.Validate(TestCorpus.SignedByCompanyA, threeYearsLater), ValidationCodes.CertificateExpired);
    }
}
