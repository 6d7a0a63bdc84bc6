using System.Collections.Concurrent;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.OtherTools;

/// <summary>
/// Signs with tools that share no code with PdfSigner: poppler's pdfsig (NSS) and @signpdf (node-forge or the openssl
/// CLI), as CompanyA of the test corpus's demo PKI. Each input/signer pair is signed once per run.
/// </summary>
internal static class OtherSigners
{
    /// <summary>The signer names the tests use, each with the /SubFilter it must write.</summary>
    /// <remarks>Debian 12's pdfsig (poppler 22.12) refuses -etsi with -add-signature, so it signs adbe.pkcs7.detached
    /// only.</remarks>
    public static readonly IReadOnlyDictionary<string, string> SubFilters = new Dictionary<string, string>
    {
        ["pdfsig"] = "adbe.pkcs7.detached",
        ["signpdf-plain"] = "ETSI.CAdES.detached",
        ["signpdf-plain-openssl"] = "ETSI.CAdES.detached",
        ["signpdf-plain-pkcs7"] = "adbe.pkcs7.detached",
        ["signpdf-pdflib"] = "ETSI.CAdES.detached",
    };

    private const string Password = "demo";
    private static readonly Lazy<string> s_folder = new(CreateKeyStores);
    private static readonly Lazy<string> s_nickname = new(Nickname);
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> s_signed = new();

    /// <summary>
    /// Inputs/<paramref name="input"/> signed by <paramref name="signer"/> (one of <see cref="SubFilters"/>).
    /// </summary>
    public static byte[] Sign(string input, string signer)
    {
        if (signer == "pdfsig")
        {
            ExternalTools.Require("pdfsig", "certutil", "pk12util");
        }
        else
        {
            ExternalTools.Require("node", "openssl");
            ExternalTools.RequireSignPdfPackages();
        }

        return s_signed.GetOrAdd($"{input}|{signer}", _ => new Lazy<byte[]>(() => SignOnce(input, signer))).Value;
    }

    /// <summary>Deletes the key stores (the p12 and the NSS database hold CompanyA's private key).</summary>
    public static void DeleteKeyStores()
    {
        if (s_folder.IsValueCreated)
        {
            Directory.Delete(s_folder.Value, recursive: true);
        }
    }

    private static byte[] SignOnce(string input, string signer)
    {
        var folder = s_folder.Value;
        var source = Path.Combine(AppContext.BaseDirectory, "OtherTools", "Inputs", input);
        var output = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(input)}.{signer}.pdf");
        var p12 = Path.Combine(folder, "company-a.p12");
        var script = Path.Combine(ExternalTools.SignPdfFolder, "sign.mjs");
        string[] arguments = signer switch
        {
            "pdfsig" =>
            [
                "-nssdir",
                $"sql:{Path.Combine(folder, "nss")}",
                "-add-signature",
                "-nick",
                s_nickname.Value,
                "-digest",
                "SHA256",
                "-reason",
                "Test signature",
                source,
                output,
            ],
            "signpdf-plain" => [script, source, output, p12, Password],
            "signpdf-plain-openssl" => [script, source, output, p12, Password, "--cms", "openssl"],
            "signpdf-plain-pkcs7" => [script, source, output, p12, Password, "--subfilter", "pkcs7"],
            "signpdf-pdflib" => [script, source, output, p12, Password, "--placeholder", "pdflib"],
            _ => throw new ArgumentOutOfRangeException(nameof(signer), signer, "unknown signer"),
        };
        ExternalTools.Run(signer == "pdfsig" ? "pdfsig" : "node", arguments);
        return File.ReadAllBytes(output);
    }

    /// <summary>
    /// CompanyA's key and chain as a p12 (for @signpdf and openssl) and imported into a fresh NSS database (for
    /// pdfsig).
    /// </summary>
    private static string CreateKeyStores()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-othertools-").FullName;
        var p12 = Path.Combine(folder, "company-a.p12");
        File.WriteAllBytes(p12, TestCorpus.Pki.CompanyA.ExportPkcs12(Password));
        var nss = $"sql:{Directory.CreateDirectory(Path.Combine(folder, "nss")).FullName}";
        ExternalTools.Run("certutil", "-N", "-d", nss, "--empty-password");
        ExternalTools.Run("pk12util", "-i", p12, "-d", nss, "-W", Password);
        return folder;
    }

    /// <summary>
    /// pk12util names the imported certificate after its subject; the one with a key is the one trusted "u,u,u".
    /// </summary>
    private static string Nickname()
    {
        var listing = ExternalTools.Run("certutil", "-L", "-d", $"sql:{Path.Combine(s_folder.Value, "nss")}");
        var line = listing
            .Split('\n')
            .Select(l => l.TrimEnd())
            .SingleOrDefault(l => l.EndsWith("u,u,u", StringComparison.Ordinal));
        Assert.IsNotNull(line, $"no certificate with a key in the NSS database:\n{listing}");
        return line[..^"u,u,u".Length].TrimEnd();
    }
}
