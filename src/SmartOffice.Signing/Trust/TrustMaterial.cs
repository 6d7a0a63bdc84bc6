using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Revocation;

namespace SmartOffice.Signing.Trust;

/// <summary>
/// An immutable snapshot of trust anchors, intermediates and configured CRLs. The validator swaps the whole
/// snapshot on reload so a validation in flight always sees one consistent set.
/// </summary>
public sealed class TrustMaterial
{
    private TrustMaterial(
        IReadOnlyList<X509Certificate2> anchors,
        IReadOnlyList<X509Certificate2> intermediates,
        IReadOnlyList<CrlEntry> crls,
        IReadOnlyList<string> problems
    )
    {
        Anchors = anchors;
        Intermediates = intermediates;
        Crls = crls;
        Problems = problems;
        AnchorCollection = [.. anchors];
        IntermediateCollection = [.. intermediates];
        Generation = Interlocked.Increment(ref s_generation);
    }

    private static long s_generation;

    /// <summary>Self-signed certificates trusted as roots.</summary>
    public IReadOnlyList<X509Certificate2> Anchors { get; }

    /// <summary>Configured CA certificates that are not self-signed.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>Files that could not be read and why (a CRL that does not parse, an unreadable certificate).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Oldest nextUpdate among the configured CRLs; readiness checks report a stale one.</summary>
    public DateTimeOffset? EarliestCrlNextUpdate =>
        Crls.Where(c => c.NextUpdate is not null).Select(c => c.NextUpdate).Min();

    /// <summary>How many configured CRLs were read.</summary>
    public int CrlCount => Crls.Count;

    /// <summary>
    /// The thisUpdate of the newest configured CRL of each issuer (full, delta or partitioned alike), keyed by the
    /// issuer's name: how long ago each CA last said which certificates it revoked. Metrics report its age.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NewestCrlByIssuer =>
        Crls.GroupBy(c => c.IssuerName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(c => c.ThisUpdate), StringComparer.Ordinal);

    internal IReadOnlyList<CrlEntry> Crls { get; }

    internal X509Certificate2Collection AnchorCollection { get; }

    internal X509Certificate2Collection IntermediateCollection { get; }

    /// <summary>Changes on every load; keys caches so that nothing built on old trust survives a reload.</summary>
    internal long Generation { get; }

    /// <summary>Loads from the configured TrustDir and CRL paths.</summary>
    public static TrustMaterial Load(SignatureValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificates = new List<X509Certificate2>();
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(options.TrustDir))
        {
            if (!Directory.Exists(options.TrustDir))
            {
                throw new DirectoryNotFoundException($"Trust folder not found: {options.TrustDir}");
            }

            certificates.AddRange(CertificateFiles.LoadFolder(options.TrustDir, problems));
        }

        var crls = new List<(byte[] Bytes, string Source)>();
        var crlPaths = options.CrlPaths.ToList();
        if (!string.IsNullOrEmpty(options.CrlDir))
        {
            crlPaths.Add(options.CrlDir);
        }

        foreach (var path in crlPaths)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[path];
            foreach (var file in files)
            {
                crls.Add((File.ReadAllBytes(file), "file " + Path.GetFileName(file)));
            }
        }

        return Create(certificates, crls, problems);
    }

    /// <summary>
    /// Builds trust from certificates and CRL bytes held elsewhere (e.g. a database managed by administrators).
    /// </summary>
    public static TrustMaterial Create(
        IEnumerable<X509Certificate2> certificates,
        IEnumerable<(byte[] Bytes, string Source)> crls
    ) => Create(certificates, crls, []);

    private static TrustMaterial Create(
        IEnumerable<X509Certificate2> certificates,
        IEnumerable<(byte[] Bytes, string Source)> crls,
        List<string> problems
    )
    {
        var all = certificates.ToList();
        var parsedCrls = new List<CrlEntry>();
        foreach (var (bytes, source) in crls)
        {
            if (CrlEntry.TryParse(bytes, source) is { } entry)
            {
                parsedCrls.Add(entry);
            }
            else
            {
                problems.Add($"{source} is not a CRL");
            }
        }

        return new TrustMaterial(
            [.. all.Where(CertificateFiles.IsSelfSigned)],
            [.. all.Where(c => !CertificateFiles.IsSelfSigned(c))],
            parsedCrls,
            problems
        );
    }
}
