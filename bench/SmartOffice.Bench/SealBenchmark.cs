using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// Sealing one evidence (detached CMS, ECDSA P-256, the demo seal): EvidenceSealer against .NET's SignedCms doing the
/// same (the sealer's code before session 11), and the bare signature as the floor. Every letter is sealed at least
/// twice.
/// </summary>
internal static class SealBenchmark
{
    public static int Run()
    {
        var pki = DemoPki.Create();
        var certificate = pki.Seal.Certificate;
        var key = certificate.GetECDsaPrivateKey()!;
        var sealer = new EvidenceSealer(certificate, pki.Seal.Chain);
        var evidence = System.Text.Encoding.UTF8.GetBytes(new string('x', 700));
        var duration = TimeSpan.FromSeconds(3);

        var signedCms = Measure.Run(() => SignedCmsSeal(evidence, certificate, key, pki.Seal.Chain), duration);
        var ours = Measure.Run(() => sealer.Seal(evidence, DateTimeOffset.UtcNow), duration);
        var floor = Measure.Run(
            () => key.SignData(evidence, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
            duration
        );

        Console.WriteLine(
            $"SmartOffice seal benchmark — {Environment.ProcessorCount} cores, ECDSA P-256, 700-byte evidence"
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"SignedCms (baseline):   {signedCms.MeanMicroseconds, 7:F1} µs   "
                    + $"{signedCms.AllocatedBytesPerOp, 7:F0} B/op"
            )
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"EvidenceSealer.Seal:    {ours.MeanMicroseconds, 7:F1} µs   {ours.AllocatedBytesPerOp, 7:F0} B/op  "
                    + $" {signedCms.MeanMicroseconds / ours.MeanMicroseconds:F2}× faster"
            )
        );
        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"signature alone:        {floor.MeanMicroseconds, 7:F1} µs")
        );
        return ours.MeanMicroseconds < signedCms.MeanMicroseconds ? 0 : 1;
    }

    private static byte[] SignedCmsSeal(
        byte[] evidence,
        X509Certificate2 certificate,
        ECDsa key,
        IReadOnlyList<X509Certificate2> chain
    )
    {
        var cms = new SignedCms(new ContentInfo(evidence), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain.ToArray());
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
