using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Trust;

/// <summary>Reads certificates from PEM or DER files, one file possibly holding several PEM blocks.</summary>
internal static class CertificateFiles
{
    private const long MaxCertificateFileBytes = 1024 * 1024;

    /// <summary>
    /// Every file of the folder that reads as certificates (PEM or DER, whatever its extension); others are skipped.
    /// </summary>
    public static List<X509Certificate2> LoadFolder(string folder, List<string>? problems = null)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (new FileInfo(path).Length > MaxCertificateFileBytes)
            {
                problems?.Add($"{Path.GetFileName(path)} is too large to be a certificate");
                continue;
            }

            try
            {
                certificates.AddRange(LoadFile(path));
            }
            catch (CryptographicException)
            {
                problems?.Add($"{Path.GetFileName(path)} is not a certificate");
            }
        }

        return certificates;
    }

    public static List<X509Certificate2> LoadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return [X509CertificateLoader.LoadCertificate(bytes)];
        }

        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(text);
        return [.. collection];
    }

    public static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
