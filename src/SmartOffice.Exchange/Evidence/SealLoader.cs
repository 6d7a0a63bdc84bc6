using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Loads the system's sealing certificate (Seal:CertificatePath|Password) with its chain from a PKCS#12 file, and the
/// public certificates of its former seals (Seal:FormerCertificates: PEM or DER files, separated by ';'), which keep
/// evidences sealed before a rollover verifiable as this service's.
/// </summary>
public static class SealLoader
{
    public static EvidenceSealer Load(string path, string? password, string? formerCertificates = null)
    {
        var collection = X509CertificateLoader.LoadPkcs12CollectionFromFile(
            path,
            password,
            X509KeyStorageFlags.EphemeralKeySet
        );
        var seal = collection.First(c => c.HasPrivateKey);
        var former = (formerCertificates ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(LoadPublicCertificate)
            .ToList();
        return new EvidenceSealer(seal, [.. collection.Where(c => !c.HasPrivateKey)], former);
    }

    private static X509Certificate2 LoadPublicCertificate(string file)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(file);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"Seal:FormerCertificates names {file}, which is not a certificate file (PEM or DER): "
                    + $"{exception.Message}",
                exception
            );
        }
    }
}
