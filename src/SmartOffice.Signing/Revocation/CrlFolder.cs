using System.Security.Cryptography;

namespace SmartOffice.Signing.Revocation;

/// <summary>What <see cref="CrlFolder.Store"/> did with a CRL.</summary>
public enum CrlStoreOutcome
{
    /// <summary>It is now the CRL the folder holds for its issuer (older ones of that issuer were removed).</summary>
    Stored,

    /// <summary>The folder already holds a CRL of that issuer at least as new; nothing changed.</summary>
    KeptNewer,

    /// <summary>The bytes are not a CRL.</summary>
    NotACrl,
}

/// <summary>
/// The service's CRL folder holds one current CRL per issuer (and per kind: full, delta, or per distribution
/// point): the refresher and administrators' uploads replace an older one instead of adding files beside it,
/// so the folder never grows and an older CRL never sits next to the one that decides.
/// </summary>
public static class CrlFolder
{
    private static readonly Lock s_lock = new();

    public static CrlStoreOutcome Store(string folder, byte[] crl)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(crl);
        if (CrlEntry.TryParse(crl, "new") is not { } incoming)
        {
            return CrlStoreOutcome.NotACrl;
        }

        lock (s_lock)
        {
            Directory.CreateDirectory(folder);
            var key = Key(incoming);
            var sameIssuer = new List<string>();
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (
                    Path.GetFileName(file).StartsWith('.')
                    || CrlEntry.TryParse(File.ReadAllBytes(file), file) is not { } held
                    || Key(held) != key
                )
                {
                    continue;
                }

                if (!incoming.IsNewerThan(held))
                {
                    return CrlStoreOutcome.KeptNewer;
                }

                sameIssuer.Add(file);
            }

            var name = Path.Combine(folder, key + ".crl");
            var temporary = Path.Combine(folder, $".{key}.{Guid.NewGuid():N}");
            File.WriteAllBytes(temporary, crl);
            File.Move(temporary, name, overwrite: true);
            foreach (
                var older in sameIssuer.Where(f =>
                    !string.Equals(Path.GetFullPath(f), Path.GetFullPath(name), StringComparison.Ordinal)
                )
            )
            {
                File.Delete(older);
            }

            return CrlStoreOutcome.Stored;
        }
    }

    // Issuer, and for a delta or partitioned CRL its scope, so each kind keeps its own newest CRL.
    private static string Key(CrlEntry crl)
    {
        var scope = crl.IsComplete
            ? []
            : crl.Crl.GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.IssuingDistributionPoint)?.GetOctets()
                ?? [];
        var kind = crl.Crl.GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.DeltaCrlIndicator) is null
            ? "full"
            : "delta";
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. crl.IssuerDer, .. scope]))[..16];
        return $"crl-{hash}-{kind}";
    }
}
