using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Demo;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Signing.Tests.Validation.Corpus;

/// <summary>
/// One demo PKI, written to a temporary folder, and the letters the tests sign with it. Everything a test
/// validates is made here or by <see cref="IncrementalUpdate"/> and <see cref="RawSigner"/>, in code.
/// </summary>
internal static class TestCorpus
{
    private static readonly Lazy<DemoPki> s_pki = new(() => DemoPki.Create());
    private static readonly Lazy<string> s_folder = new(WritePki);
    private static readonly Lazy<byte[]> s_letter = new(() => Letter("Барилгын зөвшөөрлийн тухай"));
    private static readonly Lazy<PdfSignatureValidator> s_validator = new(() => new PdfSignatureValidator(Options()));
    private static readonly ConcurrentDictionary<string, byte[]> s_signed = new();

    public static DemoPki Pki => s_pki.Value;

    public static string TrustDir => Path.Combine(s_folder.Value, "trust");

    public static string CrlDir => Path.Combine(s_folder.Value, "crl");

    /// <summary>The shared validator: demo trust anchors, the issuing CA's CRL, policy Require.</summary>
    public static PdfSignatureValidator Validator => s_validator.Value;

    public static byte[] UnsignedLetter => s_letter.Value;

    public static SignatureValidationOptions Options() => new() { TrustDir = TrustDir, CrlPaths = [CrlDir] };

    public static byte[] Letter(string subject, int paddingBytes = 0) =>
        DemoLetter.Create(
            new DemoLetterContent(
                "Монгол Ачаа Тээвэр ХХК",
                "5123456",
                "Нийслэлийн Засаг Даргын Тамгын Газар",
                "2026/117",
                new DateOnly(2026, 11, 22),
                subject,
                "Манай компани Улаанбаатар хотын Хан-Уул дүүрэгт агуулах барих зөвшөөрөл хүсч байна. Ёслол, үүрэг, "
                    + "өргөдөл.",
                PaddingBytes: paddingBytes
            )
        );

    /// <summary>
    /// The unsigned letter signed by <paramref name="identity"/> with PdfSigner (cached per identity and options).
    /// </summary>
    public static byte[] SignedBy(DemoIdentity identity, PdfSignerOptions? options = null, string? cacheKey = null)
    {
        var key = $"{identity.Name}|{cacheKey ?? (options is null ? "default" : Guid.NewGuid().ToString())}";
        return s_signed.GetOrAdd(key, _ =>
            PdfSigner.Sign(UnsignedLetter, identity.Certificate, identity.Chain, options)
        );
    }

    public static byte[] SignedByCompanyA => SignedBy(Pki.CompanyA);

    public static ValidationReport Validate(byte[] file, string? expectedSender = null) =>
        Validator.Validate(file, new ValidationRequest { ExpectedRegistryNumber = expectedSender });

    public static IEnumerable<X509Certificate2> Chain(DemoIdentity identity) => identity.Chain;

    private static string WritePki()
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartoffice-tests-" + Guid.NewGuid().ToString("N"));
        Pki.WriteTo(folder);
        return folder;
    }
}
