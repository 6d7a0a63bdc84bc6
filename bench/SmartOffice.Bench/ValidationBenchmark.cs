using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing;
using SmartOffice.Signing.Demo;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// Validation of a signed ~50 KB and ~5 MB letter against the floor on the same bytes: SHA-256 of the file plus
/// the chain's signature verifications (CMS signature, issuing CA → signer, root → issuing CA) done directly
/// with System.Security.Cryptography. Goal: ≤ 3× the floor at 50 KB, ≤ 1.5× at 5 MB, steady memory.
/// </summary>
internal static class ValidationBenchmark
{
    public static int Run()
    {
        var pki = DemoPki.Create();
        var folder = Directory.CreateTempSubdirectory("smartoffice-bench-").FullName;
        pki.WriteTo(folder);
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions
            {
                TrustDir = Path.Combine(folder, "trust"),
                CrlPaths = [Path.Combine(folder, "crl")],
            }
        );
        Console.WriteLine(
            $"SmartOffice validation benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}"
        );
        Console.WriteLine("size       bytes      validations/s   mean µs   floor µs   ratio   goal   alloc/op");
        var failed = false;
        foreach (var (label, padding, goal) in new[] { ("50 KB", 0, 3.0), ("5 MB", 5_000_000, 1.5) })
        {
            var letter = PdfSigner.Sign(Letter(padding), pki.CompanyA.Certificate, pki.CompanyA.Chain);
            var report = validator.Validate(letter);
            if (!report.Accepted)
            {
                Console.Error.WriteLine($"the benchmark letter was refused: {report.Code} {report.Message}");
                return 1;
            }

            var duration = TimeSpan.FromSeconds(padding == 0 ? 3 : 4);
            var validation = Measure.Run(() => validator.Validate(letter), duration);
            var floor = Measure.Run(Floor(letter, pki), duration);
            var ratio = validation.MeanMicroseconds / floor.MeanMicroseconds;
            failed |= ratio > goal;
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{label, -8} {letter.Length, 9} {validation.OpsPerSecond, 14:F0} "
                        + $"{validation.MeanMicroseconds, 9:F1} {floor.MeanMicroseconds, 10:F1} {ratio, 7:F2}× "
                        + $"{goal, 5:F1}× {validation.AllocatedBytesPerOp, 9:F0} B"
                )
            );
        }

        ValidationConcurrency.Print(pki, validator, Letter(0));
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"managed heap after the run: {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MiB"
            )
        );
        return failed ? 1 : 0;
    }

    private static byte[] Letter(int padding) =>
        DemoLetter.Create(
            new DemoLetterContent(
                "Монгол Ачаа Тээвэр ХХК",
                "5123456",
                "Нийслэлийн Засаг Даргын Тамгын Газар",
                "2026/117",
                new DateOnly(2026, 11, 22),
                "Барилгын зөвшөөрлийн тухай",
                "Манай компани Улаанбаатар хотын Хан-Уул дүүрэгт агуулах барих зөвшөөрөл хүсч байна.",
                PaddingBytes: padding
            )
        );

    private static Action Floor(byte[] letter, DemoPki pki)
    {
        var leaf = pki.CompanyA.Certificate;
        var intermediate = X509CertificateLoader.LoadCertificate(pki.Intermediate.RawData);
        var root = X509CertificateLoader.LoadCertificate(pki.Root.RawData);
        var signedAttributes = RandomNumberGenerator.GetBytes(200);
        var cmsSignature = leaf.GetRSAPrivateKey()!
            .SignData(signedAttributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var (leafTbs, leafSignature) = Split(leaf.RawData);
        var (intermediateTbs, intermediateSignature) = Split(intermediate.RawData);
        var leafKey = leaf.GetRSAPublicKey()!;
        var intermediateKey = intermediate.GetRSAPublicKey()!;
        var rootKey = root.GetRSAPublicKey()!;
        return () =>
        {
            SHA256.HashData(letter);
            var valid =
                leafKey.VerifyData(signedAttributes, cmsSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                & intermediateKey.VerifyData(
                    leafTbs,
                    leafSignature,
                    HashAlgorithmName.SHA256,
                    RSASignaturePadding.Pkcs1
                )
                & rootKey.VerifyData(
                    intermediateTbs,
                    intermediateSignature,
                    HashAlgorithmName.SHA256,
                    RSASignaturePadding.Pkcs1
                );
            if (!valid)
            {
                throw new InvalidOperationException("floor verification failed");
            }
        };
    }

    private static (byte[] Tbs, byte[] Signature) Split(byte[] certificate)
    {
        var sequence = new AsnReader(certificate, AsnEncodingRules.DER).ReadSequence();
        var tbs = sequence.ReadEncodedValue().ToArray();
        sequence.ReadSequence();
        return (tbs, sequence.ReadBitString(out _));
    }
}
