using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing.Pki;

/// <summary>A demo certificate holder: its certificate (with private key) and the CA certificates above it.</summary>
public sealed record DemoIdentity(
    string Name,
    string? RegistryNumber,
    X509Certificate2 Certificate,
    IReadOnlyList<X509Certificate2> Chain
)
{
    /// <summary>PKCS#12 with the key, the certificate and its chain (what an e-Token export looks like).</summary>
    public byte[] ExportPkcs12(string password)
    {
        var collection = new X509Certificate2Collection(Certificate);
        collection.AddRange(Chain.ToArray());
        return collection.Export(X509ContentType.Pkcs12, password)!;
    }
}
