using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// Revocation judged on the facts, as EN 319 102-1 and EU DSS do: the newest authentic CRL per issuer, old
/// CRLs unable to hide newer revocations, letter-carried data counting only when issued after the signature,
/// the reason deciding revocations after a trusted timestamp, and the TSA checked like the signer.
/// </summary>
[TestClass]
public sealed class RevocationTests
{
    private static DemoPki Pki => TestCorpus.Pki;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [TestMethod]
    [DataRow("a-old.crl", "b-new.crl")]
    [DataRow("b-old.crl", "a-new.crl")]
    public void An_older_crl_beside_a_newer_one_never_hides_the_revocation(string oldName, string newName)
    {
        var signer = FreshSigner();
        var older = Pki.IssueCrl(Now.AddDays(-2), Now.AddDays(30), [], number: 5);
        var newer = Pki.IssueCrl(
            Now.AddMinutes(-10),
            Now.AddDays(30),
            [(signer.Certificate, Now.AddHours(-1), X509RevocationReason.KeyCompromise)],
            number: 6
        );
        var validator = Validator(Folder((oldName, older), (newName, newer)));

        var report = validator.Validate(PdfSigner.Sign(TestCorpus.UnsignedLetter, signer.Certificate, signer.Chain));
        ReportAssert.Refused(report, ValidationCodes.CertificateRevoked);
        StringAssert.Contains(report.Message, "keyCompromise");
    }

    [TestMethod]
    public void A_stale_service_crl_covers_nothing()
    {
        var stale = Pki.IssueCrl(Now.AddDays(-40), Now.AddDays(-10), []);
        var report = Validator(Folder(("stale.crl", stale))).Validate(TestCorpus.SignedByCompanyA);

        ReportAssert.Refused(report, ValidationCodes.RevocationUnknown);
        StringAssert.Contains(report.Message, "out of date");
    }

    [TestMethod]
    public void An_old_crl_inside_the_signature_proves_nothing_but_its_revocations_count()
    {
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir });
        var old = new PdfSignerOptions { RevocationCrls = [Pki.Crl] };

        var report = validator.Validate(TestCorpus.SignedBy(Pki.CompanyA, old, "old-crl"));
        ReportAssert.Refused(report, ValidationCodes.RevocationUnknown);
        StringAssert.Contains(report.Message, "before the signature");
        ReportAssert.Refused(
            validator.Validate(TestCorpus.SignedBy(Pki.Revoked, old, "old-crl")),
            ValidationCodes.CertificateRevoked
        );

        var bestEffort = new PdfSignatureValidator(
            new SignatureValidationOptions
            {
                TrustDir = TestCorpus.TrustDir,
                RevocationPolicy = RevocationPolicy.BestEffort,
            }
        );
        var accepted = bestEffort.Validate(TestCorpus.SignedBy(Pki.CompanyA, old, "old-crl"));
        ReportAssert.Accepted(accepted);
        Assert.IsTrue(accepted.Warnings.Any(w => w.Contains("not confirmed", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_crl_the_letter_carries_counts_when_issued_after_the_signature()
    {
        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir });
        var fresh = new PdfSignerOptions { RevocationCrls = [Pki.IssueCrl(Now.AddMinutes(2), Now.AddDays(7), [])] };

        ReportAssert.Accepted(validator.Validate(TestCorpus.SignedBy(Pki.CompanyA, fresh, "fresh-crl")));
    }

    [TestMethod]
    public void A_letter_carried_crl_never_outvotes_the_services_newer_revocation()
    {
        var signer = FreshSigner();
        var carried = new PdfSignerOptions
        {
            RevocationCrls = [Pki.IssueCrl(Now.AddMinutes(2), Now.AddDays(7), [], number: 9)],
        };
        var held = Pki.IssueCrl(
            Now.AddMinutes(-5),
            Now.AddDays(7),
            [(signer.Certificate, Now.AddMinutes(-30), X509RevocationReason.Superseded)],
            number: 8
        );

        var report = Validator(Folder(("held.crl", held)))
            .Validate(PdfSigner.Sign(TestCorpus.UnsignedLetter, signer.Certificate, signer.Chain, carried));
        ReportAssert.Refused(report, ValidationCodes.CertificateRevoked);
    }

    [TestMethod]
    [DataRow(X509RevocationReason.KeyCompromise, ValidationCodes.CertificateRevoked)]
    [DataRow(X509RevocationReason.Unspecified, ValidationCodes.CertificateRevoked)]
    [DataRow(X509RevocationReason.Superseded, ValidationCodes.Ok)]
    [DataRow(X509RevocationReason.AffiliationChanged, ValidationCodes.Ok)]
    [DataRow(X509RevocationReason.CessationOfOperation, ValidationCodes.Ok)]
    public void A_letter_timestamped_before_its_revocation_is_judged_by_the_reason(
        X509RevocationReason reason,
        string expected
    )
    {
        var signer = FreshSigner();
        var letter = Timestamped(signer, Now.AddHours(-2));
        var crl = Pki.IssueCrl(Now.AddMinutes(-10), Now.AddDays(7), [(signer.Certificate, Now.AddHours(-1), reason)]);

        var report = Validator(Folder(("current.crl", crl))).Validate(letter);
        if (expected == ValidationCodes.Ok)
        {
            ReportAssert.Accepted(report);
            Assert.IsTrue(
                report.Warnings.Any(w => w.Contains("after the trusted timestamp", StringComparison.Ordinal)),
                string.Join(" | ", report.Warnings)
            );
        }
        else
        {
            ReportAssert.Refused(report, expected);
        }
    }

    [TestMethod]
    public void A_revocation_before_the_timestamp_refuses_whatever_the_reason()
    {
        var signer = FreshSigner();
        var letter = Timestamped(signer, Now.AddHours(-1));
        var crl = Pki.IssueCrl(
            Now.AddMinutes(-10),
            Now.AddDays(7),
            [(signer.Certificate, Now.AddHours(-2), X509RevocationReason.Superseded)]
        );

        ReportAssert.Refused(
            Validator(Folder(("current.crl", crl))).Validate(letter),
            ValidationCodes.CertificateRevoked
        );
    }

    [TestMethod]
    public void A_revoked_timestamp_authority_proves_no_time()
    {
        var letter = Timestamped(Pki.CompanyA, Now.AddHours(-1));
        var later = Now.AddYears(3);
        var request = new ValidationRequest { ValidationTime = later };
        var good = Pki.IssueCrl(later.AddHours(-1), later.AddDays(7), []);
        var tsaRevoked = Pki.IssueCrl(
            later.AddHours(-1),
            later.AddDays(7),
            [(Pki.TimestampAuthority.Certificate, later.AddDays(-1), X509RevocationReason.KeyCompromise)]
        );

        var trusted = Validator(Folder(("good.crl", good))).Validate(letter, request);
        ReportAssert.Accepted(trusted);
        Assert.IsTrue(trusted.Timestamp?.IsTrusted);

        var refused = Validator(Folder(("tsa.crl", tsaRevoked))).Validate(letter, request);
        ReportAssert.Refused(refused, ValidationCodes.CertificateExpired);
        Assert.IsFalse(refused.Timestamp?.IsTrusted);
        Assert.IsTrue(
            refused.Warnings.Any(w =>
                w.Contains("timestamp authority's certificate is revoked", StringComparison.Ordinal)
            ),
            string.Join(" | ", refused.Warnings)
        );
    }

    internal static DemoIdentity FreshSigner() =>
        Pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "Revocation test " + Guid.NewGuid().ToString("N")[..8],
                OrganizationName = "Монгол Ачаа Тээвэр ХХК",
                RegistryNumber = "5123456",
            }
        );

    private static byte[] Timestamped(DemoIdentity signer, DateTimeOffset time)
    {
        var authority = new DemoTimestampAuthority(Pki.TimestampAuthority);
        var options = new PdfSignerOptions
        {
            TimestampTokenProvider = signature => authority.CreateToken(signature, HashAlgorithmName.SHA256, time),
        };
        return PdfSigner.Sign(TestCorpus.UnsignedLetter, signer.Certificate, signer.Chain, options);
    }

    private static PdfSignatureValidator Validator(string crlFolder) =>
        new(new SignatureValidationOptions { TrustDir = TestCorpus.TrustDir, CrlPaths = [crlFolder] });

    private static string Folder(params (string Name, byte[] Crl)[] files) => TempFolder.With(files);
}
