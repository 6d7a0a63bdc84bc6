using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Validation;

/// <summary>
/// Who may sign a letter: a certificate meant for signing documents, issued to an organization named in exactly
/// the form its CA's profile says (NTRMN-digits by default), with the CMS content type RFC 5652 asks for.
/// </summary>
[TestClass]
public sealed class SignerRulesTests
{
    private static DemoPki Pki => TestCorpus.Pki;

    [TestMethod]
    [DataRow("5123456")]
    [DataRow("NTRKZ-5123456")]
    [DataRow("NTRMN-5123456X")]
    [DataRow("VATMN-5123456")]
    [DataRow(" NTRMN-5123456")]
    public void Refuses_an_identifier_not_exactly_in_the_etsi_form(string identifier)
    {
        var signer = Issue(
            new DemoCertificateSpec
            {
                CommonName = "Wrong form",
                OrganizationName = "X",
                OrganizationIdentifierValue = identifier,
            }
        );
        ReportAssert.Refused(TestCorpus.Validate(Sign(signer), "5123456"), ValidationCodes.SignerOrgMissing);
    }

    [TestMethod]
    public void Reads_the_identifier_from_a_multi_valued_rdn()
    {
        var signer = Issue(
            new DemoCertificateSpec
            {
                CommonName = "Multi RDN",
                RegistryNumber = "5123456",
                MultiValuedIdentifierRdn = true,
            }
        );
        var report = TestCorpus.Validate(Sign(signer), "5123456");

        ReportAssert.Accepted(report);
        Assert.AreEqual("5123456", report.Signer?.RegistryNumber);
    }

    [TestMethod]
    public void A_profile_applies_only_to_its_own_trust_anchor()
    {
        var other = DemoPki.Create();
        var folder = TempFolder.With(("ours.cer", Pki.Root.RawData), ("other.cer", other.Root.RawData));
        var profile = new OrganizationIdentifierProfile
        {
            AnchorThumbprint = other.Root.GetCertHashString(HashAlgorithmName.SHA256),
            Oid = "2.5.4.5",
            Pattern = "^([0-9]{7})$",
        };
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions
            {
                TrustDir = folder,
                RevocationPolicy = RevocationPolicy.BestEffort,
                OrganizationIdentifierProfiles = [profile],
            }
        );
        var bare = new DemoCertificateSpec
        {
            CommonName = "Serial style",
            OrganizationIdentifierOid = "2.5.4.5",
            OrganizationIdentifierValue = "5123456",
        };
        var request = new ValidationRequest { ExpectedRegistryNumber = "5123456" };

        ReportAssert.Accepted(validator.Validate(Sign(other.Issue(bare)), request));
        ReportAssert.Refused(validator.Validate(Sign(Issue(bare)), request), ValidationCodes.SignerOrgMissing);
    }

    [TestMethod]
    public void Refuses_a_timestamp_authority_as_signer() =>
        ReportAssert.Refused(
            TestCorpus.Validate(
                Sign(
                    Issue(
                        new DemoCertificateSpec
                        {
                            CommonName = "TSA with a company number",
                            RegistryNumber = "5123456",
                            ExtendedKeyUsages = ["1.3.6.1.5.5.7.3.8"],
                        }
                    )
                ),
                "5123456"
            ),
            ValidationCodes.CertificateUsage
        );

    [TestMethod]
    public void Refuses_a_certificate_whose_extended_key_usage_excludes_document_signing()
    {
        var codeSigning = Issue(
            new DemoCertificateSpec
            {
                CommonName = "Code signer",
                RegistryNumber = "5123456",
                ExtendedKeyUsages = ["1.3.6.1.5.5.7.3.3"],
            }
        );
        var mail = Issue(
            new DemoCertificateSpec
            {
                CommonName = "Mail signer",
                RegistryNumber = "5123456",
                ExtendedKeyUsages = ["1.3.6.1.5.5.7.3.4"],
            }
        );

        ReportAssert.Refused(TestCorpus.Validate(Sign(codeSigning), "5123456"), ValidationCodes.CertificateUsage);
        ReportAssert.Accepted(TestCorpus.Validate(Sign(mail), "5123456"));
    }

    [TestMethod]
    public void Refuses_the_services_own_seal_as_signer()
    {
        var seal = Pki.Seal;
        var letter = Sign(seal);
        var validator = new PdfSignatureValidator(
            TestCorpus.Options() with
            {
                RefusedSignerThumbprints = [seal.Certificate.GetCertHashString(HashAlgorithmName.SHA256)],
            }
        );

        ReportAssert.Accepted(TestCorpus.Validate(letter, "9000000"));
        ReportAssert.Refused(
            validator.Validate(letter, new ValidationRequest { ExpectedRegistryNumber = "9000000" }),
            ValidationCodes.CertificateUsage
        );
    }

    [TestMethod]
    public void Refuses_a_cms_without_the_content_type_attribute()
    {
        var file = RawSigner.AppendSignature(
            TestCorpus.UnsignedLetter,
            Pki.CompanyA.Certificate,
            Pki.CompanyA.Chain,
            signCms: content => BouncyCms.SignWithoutContentType(content, Pki.CompanyA.Certificate)
        );
        var report = TestCorpus.Validate(file);

        ReportAssert.Refused(report, ValidationCodes.SignatureInvalid);
        StringAssert.Contains(report.Message, "content-type");
    }

    private static DemoIdentity Issue(DemoCertificateSpec spec) => Pki.Issue(spec);

    private static byte[] Sign(DemoIdentity signer) =>
        PdfSigner.Sign(TestCorpus.UnsignedLetter, signer.Certificate, signer.Chain);

    [TestMethod]
    public void An_untrusted_chain_names_the_signers_own_issuer()
    {
        var other = DemoPki.Create();
        var folder = TempFolder.With(("other-root.cer", other.Root.RawData));
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions { TrustDir = folder, RevocationPolicy = RevocationPolicy.BestEffort }
        );

        var report = validator.Validate(TestCorpus.SignedByCompanyA);
        ReportAssert.Refused(report, ValidationCodes.CertificateUntrusted);
        StringAssert.Contains(report.Checks[^1].Detail, $"is issued by \"{Pki.Intermediate.Subject}\"");
        StringAssert.Contains(
            report.Checks[^1].Detail,
            $"its issuer \"{Pki.Root.Subject}\" is not a trusted certificate authority"
        );
    }
}
