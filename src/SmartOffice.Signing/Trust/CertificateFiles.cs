using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Trust;

/// <summary>Reads certificates from PEM or DER files, one file possibly holding several PEM blocks.</summary>
internal static class CertificateFiles
{
    private static readonly string[] CertificateExtensions = [".pem", ".crt", ".cer", ".der"];

    public static List<X509Certificate2> LoadFolder(string folder)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (CertificateExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            {
                certificates.AddRange(LoadFile(path));
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
