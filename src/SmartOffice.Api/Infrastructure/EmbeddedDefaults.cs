using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// The embedded default: with no configuration the Api runs on SQLite, the in-process bus and a file archive
/// under ./data, with a demo PKI (made on first start) and the sample directory. Only missing keys are filled. The demo
/// (its PKI, users and seal password) runs only in the Development environment (the launch settings of `dotnet run`)
/// or with Demo:Enabled=true; anywhere else a missing trust configuration stops the start with what to set
/// (ApiOptionsRegistration).
/// </summary>
internal static class EmbeddedDefaults
{
    public const string DemoPassword = "demo";

    /// <summary>Adds defaults for missing keys; later sources (tests, environment) still override them.</summary>
    public static bool IsDemoAllowed(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Enabled");

    public static void Apply(IConfigurationManager configuration, IHostEnvironment environment)
    {
        var data = Path.GetFullPath(configuration["Data:Path"] ?? "data");
        var defaults = new Dictionary<string, string?>
        {
            ["Data:Path"] = data,
            ["Archive:Path"] = Path.Combine(data, "archive"),
            ["Directory:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "samples", "directory.csv"),
            // Every SQL statement and request at Information would bury the start-up lines that say how to log in.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        // Without trust anchors and outside the demo, the settings checks stop the start and say what to set.
        if (string.IsNullOrEmpty(configuration["Signing:TrustDir"]) && IsDemoAllowed(configuration, environment))
        {
            var pki = Path.Combine(data, "pki");
            defaults["Demo:PkiPath"] = pki;
            defaults["Signing:TrustDir"] = Path.Combine(pki, "trust");
            defaults["Signing:CrlDir"] = Path.Combine(pki, "crl");
            defaults["Seal:CertificatePath"] = Path.Combine(pki, "p12", "seal.p12");
            defaults["Seal:Password"] = DemoPassword;
            defaults["Demo:SeedUsers"] = "true";
        }

        var missing = defaults
            .Where(d => string.IsNullOrEmpty(configuration[d.Key]))
            .ToDictionary(d => d.Key, d => d.Value);
        configuration.AddInMemoryCollection(missing);
    }

    /// <summary>
    /// Prepares the demo PKI of the embedded default before anything reads the trust folder: on first start a copy of
    /// the sample PKI (samples/pki, which signed samples/letters), or a new one where the samples are not at hand; on
    /// every start fresh CRLs from its CAs, so that the demo's revocation checks stay current.
    /// </summary>
    public static void EnsureDemoPki(IConfiguration configuration, TimeProvider time)
    {
        var pki = configuration["Demo:PkiPath"];
        if (string.IsNullOrEmpty(pki) || configuration["Signing:TrustDir"] != Path.Combine(pki, "trust"))
        {
            return;
        }

        lock (s_lock)
        {
            if (!File.Exists(Path.Combine(pki, "trust", "root.pem")))
            {
                var samples = Path.Combine(AppContext.BaseDirectory, "samples", "pki");
                if (File.Exists(Path.Combine(samples, "ca", "issuing-ca.p12")))
                {
                    CopyFolder(samples, pki);
                }
                else
                {
                    DemoPki.Create().WriteTo(pki);
                }
            }

            RefreshCrls(pki, time.GetUtcNow());
        }
    }

    private static readonly Lock s_lock = new();

    private static void RefreshCrls(string folder, DateTimeOffset now)
    {
        var crl = Path.Combine(folder, "crl", "issuing-ca.crl");
        var nextUpdate = File.Exists(crl)
            ? SmartOffice.Signing.Trust.TrustMaterial.Create([], [(File.ReadAllBytes(crl), crl)]).EarliestCrlNextUpdate
            : null;
        if (nextUpdate > now.AddDays(7))
        {
            return;
        }

        var pki = DemoPki.Load(folder);
        var revoked = pki
            .Identities.Where(i => i.File == "revoked")
            .Select(i =>
                (
                    i.Identity.Certificate,
                    now.AddDays(-1),
                    System.Security.Cryptography.X509Certificates.X509RevocationReason.KeyCompromise
                )
            );
        File.WriteAllBytes(crl, pki.IssueCrl(now.AddMinutes(-5), now.AddDays(30), revoked, now.ToUnixTimeSeconds()));
        File.WriteAllBytes(
            Path.Combine(folder, "crl", "root-ca.crl"),
            pki.IssueCrl(now.AddMinutes(-5), now.AddDays(30), [], now.ToUnixTimeSeconds(), pki.Root)
        );
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: false);
        }
    }
}
