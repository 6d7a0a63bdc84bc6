using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Cms;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Signing.Tests.Signing;

/// <summary>
/// The hand-encoded seal is a CMS SignedData that .NET's SignedCms and OpenSSL both verify, and neither accepts for
/// other content.
/// </summary>
[TestClass]
public sealed class DetachedCmsWriterTests
{
    private static readonly DemoPki Pki = DemoPki.Create();
    private static readonly byte[] Evidence =
        "{\"event\":\"ContentConsignment\",\"recipient\":\"9011001\",\"note\":\"Хүлээн авлаа\"}"u8.ToArray();

    public static IEnumerable<object[]> Keys =>
        [
            ["EcdsaP256"],
            ["Rsa2048"],
        ];

    [TestMethod]
    [DynamicData(nameof(Keys))]
    public void SignedCms_verifies_the_seal_and_reads_its_signer_time_digest_and_chain(string keyType)
    {
        var seal = SealIdentity(keyType);
        var at = new DateTimeOffset(2026, 11, 23, 8, 30, 15, TimeSpan.Zero);

        var encoded = Writer(seal).Sign(Evidence, at);

        var cms = new SignedCms(new ContentInfo(Evidence), detached: true);
        cms.Decode(encoded);
        cms.CheckSignature(verifySignatureOnly: true);
        var signer = cms.SignerInfos[0];
        Assert.AreEqual(seal.Certificate.Thumbprint, signer.Certificate!.Thumbprint);
        Assert.AreEqual("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        var time = signer
            .SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.5")
            .Values[0];
        Assert.AreEqual(at.UtcDateTime, ((Pkcs9SigningTime)time).SigningTime.ToUniversalTime());
        CollectionAssert.AreEquivalent(
            new[] { seal.Certificate }.Concat(seal.Chain).Select(c => c.Thumbprint).ToArray(),
            cms.Certificates.Select(c => c.Thumbprint).ToArray()
        );

        var other = new SignedCms(
            new ContentInfo("{\"event\":\"ContentConsignment\",\"recipient\":\"9011002\"}"u8.ToArray()),
            detached: true
        );
        other.Decode(encoded);
        Assert.ThrowsExactly<CryptographicException>(() => other.CheckSignature(verifySignatureOnly: true));
    }

    [TestMethod]
    public void A_signing_time_from_2050_on_is_a_GeneralizedTime_and_the_seal_still_verifies()
    {
        // RFC 5652 11.3; .NET's Pkcs9SigningTime only writes UTCTime, so SignedCms could not seal from 2050 on at all.
        var at = new DateTimeOffset(2051, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var cms = new SignedCms(new ContentInfo(Evidence), detached: true);
        cms.Decode(Writer(Pki.Seal).Sign(Evidence, at));
        cms.CheckSignature(verifySignatureOnly: true);
        var time = cms.SignerInfos[0]
            .SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.5")
            .Values[0]
            .RawData;
        Assert.AreEqual(
            at,
            new System.Formats.Asn1.AsnReader(time, System.Formats.Asn1.AsnEncodingRules.DER).ReadGeneralizedTime()
        );
    }

    [TestMethod]
    [DynamicData(nameof(Keys))]
    public async Task OpenSSL_verifies_the_seal_against_the_root_and_refuses_it_for_changed_content(string keyType)
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-cms-").FullName;
        await File.WriteAllBytesAsync(
            Path.Combine(folder, "seal.der"),
            Writer(SealIdentity(keyType)).Sign(Evidence, DateTimeOffset.UtcNow)
        );
        await File.WriteAllBytesAsync(Path.Combine(folder, "evidence.json"), Evidence);
        await File.WriteAllBytesAsync(Path.Combine(folder, "changed.json"), [.. Evidence, (byte)' ']);
        await File.WriteAllTextAsync(Path.Combine(folder, "root.pem"), Pki.Root.ExportCertificatePem());

        var (verified, output) = await OpenSslVerifyAsync(folder, "evidence.json");
        Assert.AreEqual(0, verified, output);
        var (changed, _) = await OpenSslVerifyAsync(folder, "changed.json");
        Assert.AreNotEqual(0, changed);
    }

    private static DemoIdentity SealIdentity(string keyType) =>
        keyType == "Rsa2048"
            ? Pki.Issue(
                new DemoCertificateSpec
                {
                    CommonName = "SmartOffice Seal RSA",
                    OrganizationName = "SmartOffice",
                    RegistryNumber = "9000000",
                    KeyType = DemoKeyType.Rsa2048,
                    KeyUsages = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
                }
            )
            : Pki.Seal;

    private static DetachedCmsWriter Writer(DemoIdentity seal) =>
        new(
            seal.Certificate,
            (AsymmetricAlgorithm?)seal.Certificate.GetECDsaPrivateKey() ?? seal.Certificate.GetRSAPrivateKey()!,
            seal.Chain
        );

    private static async Task<(int ExitCode, string Output)> OpenSslVerifyAsync(string folder, string content)
    {
        using var process = Process.Start(
            new ProcessStartInfo(
                "openssl",
                [
                    "cms",
                    "-verify",
                    "-binary",
                    "-inform",
                    "DER",
                    "-in",
                    "seal.der",
                    "-content",
                    content,
                    "-CAfile",
                    "root.pem",
                    "-purpose",
                    "any",
                    "-out",
                    "/dev/null",
                ]
            )
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
