using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmartOffice.Signing.Pki;

/// <summary>The on-disk layout of a demo PKI (what `smartoffice pki init DIR` writes).</summary>
internal static class DemoPkiFiles
{
    public static void Write(DemoPki pki, string directory)
    {
        foreach (var folder in new[] { "trust", "crl", "untrusted", "p12", "ca" })
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        File.WriteAllText(Path.Combine(directory, "trust", "root.pem"), pki.Root.ExportCertificatePem());
        File.WriteAllText(
            Path.Combine(directory, "trust", "intermediate.pem"),
            pki.Intermediate.ExportCertificatePem()
        );
        File.WriteAllText(
            Path.Combine(directory, "untrusted", "untrusted-root.pem"),
            pki.UntrustedRoot.ExportCertificatePem()
        );
        File.WriteAllBytes(Path.Combine(directory, "crl", "issuing-ca.crl"), pki.Crl);
        File.WriteAllBytes(Path.Combine(directory, "crl", "root-ca.crl"), pki.RootCrl);
        // CA keys are kept so tests and samples can issue more demo certificates later; demo only.
        File.WriteAllBytes(
            Path.Combine(directory, "ca", "root.p12"),
            pki.Root.Export(X509ContentType.Pkcs12, DemoPki.DefaultPassword)!
        );
        File.WriteAllBytes(
            Path.Combine(directory, "ca", "issuing-ca.p12"),
            pki.Intermediate.Export(X509ContentType.Pkcs12, DemoPki.DefaultPassword)!
        );
        File.WriteAllBytes(
            Path.Combine(directory, "ca", "untrusted-root.p12"),
            pki.UntrustedRoot.Export(X509ContentType.Pkcs12, DemoPki.DefaultPassword)!
        );
        var readme = new StringBuilder(
            "# SmartOffice demo PKI (never for real letters)\n\nPassword of every .p12: `demo`.\n\n| file | holder "
                + "| registry number | purpose |\n|---|---|---|---|\n"
        );
        foreach (var (file, identity) in pki.Identities)
        {
            File.WriteAllBytes(
                Path.Combine(directory, "p12", file + ".p12"),
                identity.ExportPkcs12(DemoPki.DefaultPassword)
            );
            readme.Append(
                System.Globalization.CultureInfo.InvariantCulture,
                $"| p12/{file}.p12 | {identity.Certificate.GetNameInfo(X509NameType.SimpleName, false)} | "
                    + $"{identity.RegistryNumber ?? "-"} | {Purpose(file)} |\n"
            );
        }

        readme.Append(
            "\n`trust/` holds the root (trust anchor) and the issuing CA; `crl/` the CRLs (the issuing CA's lists "
                + "`revoked`, valid 30 days); `untrusted/` a root nobody trusts.\n"
        );
        File.WriteAllText(Path.Combine(directory, "README.md"), readme.ToString());
    }

    public static DemoPki Read(string directory, string password)
    {
        X509Certificate2 LoadCa(string name) =>
            X509CertificateLoader.LoadPkcs12FromFile(
                Path.Combine(directory, "ca", name),
                password,
                X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet
            );
        var identities = new Dictionary<string, DemoIdentity>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(Path.Combine(directory, "p12"), "*.p12"))
        {
            var collection = X509CertificateLoader.LoadPkcs12CollectionFromFile(
                path,
                password,
                X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet
            );
            var certificate = collection.First(c => c.HasPrivateKey);
            var registryNumber = OrganizationIdentifier.ToRegistryNumber(OrganizationIdentifier.Read(certificate));
            identities[Path.GetFileNameWithoutExtension(path)] = new DemoIdentity(
                certificate.GetNameInfo(X509NameType.SimpleName, false),
                registryNumber,
                certificate,
                [.. collection.Where(c => !c.HasPrivateKey)]
            );
        }

        return DemoPki.FromParts(
            LoadCa("root.p12"),
            LoadCa("issuing-ca.p12"),
            LoadCa("untrusted-root.p12"),
            identities,
            File.ReadAllBytes(Path.Combine(directory, "crl", "issuing-ca.crl")),
            File.ReadAllBytes(Path.Combine(directory, "crl", "root-ca.crl"))
        );
    }

    private static string Purpose(string file) =>
        file switch
        {
            "company-a" or "company-b" => "a company that sends letters",
            "agency" => "a city agency",
            "expired" => "expired a year ago (refused: certificate_expired)",
            "revoked" => "listed in crl/issuing-ca.crl (refused: certificate_revoked)",
            "untrusted" => "issued by a root nobody trusts (refused: certificate_untrusted)",
            "no-organization" => "a person without an organization identifier (refused: signer_org_missing)",
            "tsa" => "RFC 3161 timestamp authority",
            "seal" => "the system's own sealing certificate (evidences)",
            _ => "",
        };
}
