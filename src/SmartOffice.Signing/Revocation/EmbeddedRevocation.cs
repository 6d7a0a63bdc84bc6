using System.Collections.Concurrent;
using System.Security.Cryptography;
using SmartOffice.Signing.Cms;
using SmartOffice.Signing.Pdf;

namespace SmartOffice.Signing.Revocation;

/// <summary>
/// Collects the revocation data a letter carries: the PDF's DSS, the CMS crls field and Adobe's
/// revocationInfoArchival attribute. Parsed CRLs are kept by hash (the same CRL arrives with many letters).
/// </summary>
internal static class EmbeddedRevocation
{
    private const int MaxEntries = 1024;
    private static readonly ConcurrentDictionary<string, CrlEntry?> s_crls = new(StringComparer.Ordinal);

    public static RevocationEvidence Collect(PdfScanResult scan, CmsSignedData cms, CmsSignerInfo signer)
    {
        var (archivedCrls, archivedOcsps) = SignedAttributeReader.RevocationArchival(signer);
        var crls = new List<CrlEntry>();
        Add(crls, scan.DssCrls, "PDF DSS");
        Add(crls, cms.Crls, "CMS");
        Add(crls, archivedCrls, "CMS revocationInfoArchival");
        var ocsps = scan.DssOcspResponses.Concat(archivedOcsps).ToList();
        return crls.Count == 0 && ocsps.Count == 0 ? RevocationEvidence.Empty : new RevocationEvidence(crls, ocsps);
    }

    private static void Add(List<CrlEntry> target, IEnumerable<byte[]> encoded, string source)
    {
        foreach (var bytes in encoded)
        {
            var key = Convert.ToHexString(SHA256.HashData(bytes));
            if (!s_crls.TryGetValue(key, out var entry))
            {
                entry = CrlEntry.TryParse(bytes, source);
                if (s_crls.Count >= MaxEntries)
                {
                    s_crls.Clear();
                }

                s_crls[key] = entry;
            }

            if (entry is not null)
            {
                target.Add(entry);
            }
        }
    }
}
