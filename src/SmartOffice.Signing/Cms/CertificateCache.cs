using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Cms;

/// <summary>
/// Letters from one company carry the same certificates over and over; decoding them is a large part of a
/// validation, so decoded certificates are kept by the SHA-256 of their DER (bounded; cleared when full).
/// </summary>
internal static class CertificateCache
{
    private const int MaxEntries = 4096;
    private static readonly ConcurrentDictionary<string, X509Certificate2?> s_certificates = new(
        StringComparer.Ordinal
    );

    public static List<X509Certificate2> LoadAll(IEnumerable<byte[]> encodedCertificates)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var encoded in encodedCertificates)
        {
            if (Load(encoded) is { } certificate)
            {
                certificates.Add(certificate);
            }
        }

        return certificates;
    }

    private static X509Certificate2? Load(byte[] encoded)
    {
        var key = Convert.ToHexString(SHA256.HashData(encoded));
        if (s_certificates.TryGetValue(key, out var known))
        {
            return known;
        }

        X509Certificate2? certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(encoded);
        }
        catch (CryptographicException)
        {
            certificate = null;
        }

        if (s_certificates.Count >= MaxEntries)
        {
            s_certificates.Clear();
        }

        s_certificates[key] = certificate;
        return certificate;
    }
}
