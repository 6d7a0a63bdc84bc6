using SmartOffice.Signing.Pki;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Pki;

/// <summary>The demo PKI holds what samples and tests rely on.</summary>
[TestClass]
public sealed class DemoPkiTests
{
    [TestMethod]
    public void Issues_organization_certificates_with_registry_numbers()
    {
        var pki = TestCorpus.Pki;
        Assert.AreEqual("NTRMN-5123456", OrganizationIdentifier.Read(pki.CompanyA.Certificate));
        Assert.AreEqual(
            "6234567",
            OrganizationIdentifier.ToRegistryNumber(OrganizationIdentifier.Read(pki.CompanyB.Certificate))
        );
        Assert.AreEqual(
            "9011001",
            OrganizationIdentifier.ToRegistryNumber(OrganizationIdentifier.Read(pki.Agency.Certificate))
        );
        Assert.IsNull(OrganizationIdentifier.Read(pki.NoOrganization.Certificate));
        Assert.IsLessThan(DateTime.Now, pki.Expired.Certificate.NotAfter);
    }

    [TestMethod]
    public void Lists_the_revoked_certificate_in_a_crl_signed_by_the_issuing_ca()
    {
        var pki = TestCorpus.Pki;
        var crl = new Org.BouncyCastle.X509.X509CrlParser().ReadCrl(pki.Crl);
        crl.Verify(
            new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(pki.Intermediate.RawData).GetPublicKey()
        );

        Assert.IsNotNull(
            crl.GetRevokedCertificate(
                new Org.BouncyCastle.Math.BigInteger(1, pki.Revoked.Certificate.SerialNumberBytes.ToArray())
            )
        );
        Assert.IsNull(
            crl.GetRevokedCertificate(
                new Org.BouncyCastle.Math.BigInteger(1, pki.CompanyA.Certificate.SerialNumberBytes.ToArray())
            )
        );
    }

    [TestMethod]
    public void Round_trips_through_its_folder_layout()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-pki-").FullName;
        TestCorpus.Pki.WriteTo(folder);
        var loaded = DemoPki.Load(folder);

        Assert.AreEqual(TestCorpus.Pki.CompanyA.Certificate.Thumbprint, loaded.CompanyA.Certificate.Thumbprint);
        Assert.IsTrue(loaded.CompanyA.Certificate.HasPrivateKey);
        Assert.AreEqual("5123456", loaded.CompanyA.RegistryNumber);
        CollectionAssert.AreEqual(TestCorpus.Pki.Crl, loaded.Crl);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "README.md")));
    }
}
