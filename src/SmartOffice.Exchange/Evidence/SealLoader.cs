using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Exchange.Evidence;

/// <summary>Loads the system's sealing certificate (Seal:CertificatePath|Password) with its chain from a PKCS#12 file.</summary>
public static class SealLoader
{
    public static EvidenceSealer Load(string path, string? password)
    {
        var collection = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        var seal = collection.First(c => c.HasPrivateKey);
        return new EvidenceSealer(seal, [.. collection.Where(c => !c.HasPrivateKey)]);
    }
}
