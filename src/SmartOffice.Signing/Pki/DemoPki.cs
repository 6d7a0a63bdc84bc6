using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>
/// A complete demo PKI for samples and tests: a root, an issuing CA, companies and an agency with registry
/// numbers, an expired, a revoked (listed in the CRL) and an untrusted signer, a timestamp authority and the
/// system's sealing certificate. Built with .NET's CertificateRequest; never use it for real letters.
/// </summary>
public sealed class DemoPki
{
    public const string DefaultPassword = "demo";

    private DemoPki(
        X509Certificate2 root,
        X509Certificate2 intermediate,
        X509Certificate2 untrustedRoot,
        DateTimeOffset now
    )
    {
        Root = root;
        Intermediate = intermediate;
        UntrustedRoot = untrustedRoot;
        Now = now;
    }

    public X509Certificate2 Root { get; }

    /// <summary>The issuing CA ("SmartOffice Demo Issuing CA"), with its private key.</summary>
    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 UntrustedRoot { get; }

    public DateTimeOffset Now { get; }

    public DemoIdentity CompanyA { get; private set; } = null!;

    public DemoIdentity CompanyB { get; private set; } = null!;

    public DemoIdentity Agency { get; private set; } = null!;

    public DemoIdentity Expired { get; private set; } = null!;

    public DemoIdentity Revoked { get; private set; } = null!;

    public DemoIdentity Untrusted { get; private set; } = null!;

    public DemoIdentity NoOrganization { get; private set; } = null!;

    public DemoIdentity TimestampAuthority { get; private set; } = null!;

    public DemoIdentity Seal { get; private set; } = null!;

    /// <summary>The issuing CA's CRL (DER), listing <see cref="Revoked"/>; valid 30 days.</summary>
    public byte[] Crl { get; private set; } = [];

    /// <summary>The root's CRL (DER), empty; covers the issuing CA.</summary>
    public byte[] RootCrl { get; private set; } = [];

    public IEnumerable<(string File, DemoIdentity Identity)> Identities =>
        [
            ("company-a", CompanyA),
            ("company-b", CompanyB),
            ("agency", Agency),
            ("expired", Expired),
            ("revoked", Revoked),
            ("untrusted", Untrusted),
            ("no-organization", NoOrganization),
            ("tsa", TimestampAuthority),
            ("seal", Seal),
        ];

    public static DemoPki Create(DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var root = CertificateFactory.CreateRoot("SmartOffice Demo Root CA", at.AddDays(-1), at.AddYears(20));
        var intermediate = CertificateFactory.CreateIntermediate(
            "SmartOffice Demo Issuing CA",
            root,
            at.AddDays(-1),
            at.AddYears(10)
        );
        var untrustedRoot = CertificateFactory.CreateRoot("Untrusted Root CA", at.AddDays(-1), at.AddYears(20));
        var pki = new DemoPki(root, intermediate, untrustedRoot, at);
        pki.CompanyA = pki.Issue(Company("Монгол Ачаа Тээвэр ХХК", "5123456", "Б.Бат-Эрдэнэ"));
        pki.CompanyB = pki.Issue(Company("Тэнгэр Програм ХХК", "6234567", "Д.Сүхбаатар"));
        pki.Agency = pki.Issue(Company("Нийслэлийн Засаг Даргын Тамгын Газар", "9011001", "Ц.Оюунчимэг"));
        pki.Expired = pki.Issue(
            Company("Монгол Ачаа Тээвэр ХХК", "5123456", "Хуучин гэрчилгээ") with
            {
                NotBefore = at.AddYears(-3),
                NotAfter = at.AddYears(-1),
            }
        );
        pki.Revoked = pki.Issue(Company("Тэнгэр Програм ХХК", "6234567", "Хүчингүй гэрчилгээ"));
        pki.Untrusted = pki.Issue(
            Company("Хуурамч Компани ХХК", "7000001", "Танихгүй") with
            {
                IssuedByUntrustedRoot = true,
            }
        );
        pki.NoOrganization = pki.Issue(new DemoCertificateSpec { CommonName = "Хувь хүн Болд" });
        pki.TimestampAuthority = pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "SmartOffice Demo TSA",
                OrganizationName = "SmartOffice Demo",
                ExtendedKeyUsages = ["1.3.6.1.5.5.7.3.8"],
                KeyUsages = X509KeyUsageFlags.DigitalSignature,
            }
        );
        pki.Seal = pki.Issue(
            new DemoCertificateSpec
            {
                CommonName = "SmartOffice Seal",
                OrganizationName = "SmartOffice",
                RegistryNumber = "9000000",
                KeyType = DemoKeyType.EcdsaP256,
                KeyUsages = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            }
        );
        pki.Crl = CrlFactory.Create(intermediate, [pki.Revoked.Certificate], at);
        pki.RootCrl = CrlFactory.Create(root, [], at);
        return pki;
    }

    /// <summary>Issues a certificate from the issuing CA (or the untrusted root) as the spec says.</summary>
    public DemoIdentity Issue(DemoCertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var issuer = spec.IssuedByUntrustedRoot ? UntrustedRoot : Intermediate;
        var certificate = CertificateFactory.CreateEndEntity(spec, issuer, Now);
        IReadOnlyList<X509Certificate2> chain = spec.IssuedByUntrustedRoot
            ? [X509CertificateLoader.LoadCertificate(UntrustedRoot.RawData)]
            : [X509CertificateLoader.LoadCertificate(Intermediate.RawData)];
        return new DemoIdentity(spec.CommonName, spec.RegistryNumber, certificate, chain);
    }

    /// <summary>
    /// A CRL of the issuing CA (or <paramref name="issuer"/>) with the given times, entries and CRL number.
    /// </summary>
    public byte[] IssueCrl(
        DateTimeOffset thisUpdate,
        DateTimeOffset nextUpdate,
        IEnumerable<(X509Certificate2 Certificate, DateTimeOffset RevokedAt, X509RevocationReason Reason)> revoked,
        long number = 2,
        X509Certificate2? issuer = null
    ) => CrlFactory.Create(issuer ?? Intermediate, revoked, thisUpdate, nextUpdate, number);

    /// <summary>Writes trust/, crl/, untrusted/, p12/ (password "demo") and a README.</summary>
    public void WriteTo(string directory) => DemoPkiFiles.Write(this, directory);

    /// <summary>Reads a demo PKI written by <see cref="WriteTo"/>.</summary>
    public static DemoPki Load(string directory, string password = DefaultPassword) =>
        DemoPkiFiles.Read(directory, password);

    internal static DemoPki FromParts(
        X509Certificate2 root,
        X509Certificate2 intermediate,
        X509Certificate2 untrustedRoot,
        IReadOnlyDictionary<string, DemoIdentity> identities,
        byte[] crl,
        byte[] rootCrl
    ) =>
        new(root, intermediate, untrustedRoot, DateTimeOffset.UtcNow)
        {
            CompanyA = identities["company-a"],
            CompanyB = identities["company-b"],
            Agency = identities["agency"],
            Expired = identities["expired"],
            Revoked = identities["revoked"],
            Untrusted = identities["untrusted"],
            NoOrganization = identities["no-organization"],
            TimestampAuthority = identities["tsa"],
            Seal = identities["seal"],
            Crl = crl,
            RootCrl = rootCrl,
        };

    private static DemoCertificateSpec Company(string organization, string registryNumber, string person) =>
        new()
        {
            CommonName = $"{person} ({organization})",
            OrganizationName = organization,
            RegistryNumber = registryNumber,
        };
}
