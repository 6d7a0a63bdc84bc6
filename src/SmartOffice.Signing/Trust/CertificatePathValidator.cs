using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Cms;

namespace SmartOffice.Signing.Trust;

/// <summary>
/// Builds a chain from a certificate to the configured anchors only (never the machine's store), ignoring
/// time (checked separately, against the right reference time) and revocation (checked from our own CRLs,
/// since X509Chain cannot be handed one). Verified chains are cached: building one costs far more than the
/// rest of a validation, and the result depends only on the certificates and the trust snapshot.
/// </summary>
public sealed class CertificatePathValidator
{
    private const int MaxCacheEntries = 10_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, ChainOutcome Outcome)> _cache = new(
        StringComparer.Ordinal
    );
    private readonly TimeSpan _cacheDuration;
    private readonly TimeProvider _time;

    public CertificatePathValidator(TimeSpan cacheDuration, TimeProvider? time = null)
    {
        _cacheDuration = cacheDuration;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Builds and checks the chain; <paramref name="requiredUsageOid"/> adds an EKU requirement (e.g. timeStamping).
    /// </summary>
    public ChainOutcome Build(
        X509Certificate2 leaf,
        IReadOnlyList<X509Certificate2> extraCertificates,
        TrustMaterial trust,
        string? requiredUsageOid = null
    )
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(trust);
        var key =
            $"{trust.Generation}|{leaf.Thumbprint}|{requiredUsageOid}|"
            + string.Join(',', extraCertificates.Select(c => c.Thumbprint));
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Outcome;
        }

        var outcome = BuildUncached(leaf, extraCertificates, trust, requiredUsageOid);
        if (_cache.Count >= MaxCacheEntries)
        {
            _cache.Clear();
        }

        _cache[key] = (now + _cacheDuration, outcome);
        return outcome;
    }

    private static ChainOutcome BuildUncached(
        X509Certificate2 leaf,
        IReadOnlyList<X509Certificate2> extra,
        TrustMaterial trust,
        string? requiredUsageOid
    )
    {
        if (trust.Anchors.Count == 0)
        {
            return new ChainOutcome
            {
                Code = ValidationCodes.CertificateUntrusted,
                Detail = "no trust anchors are configured",
            };
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(trust.AnchorCollection);
        policy.ExtraStore.AddRange(trust.IntermediateCollection);
        foreach (var certificate in extra)
        {
            policy.ExtraStore.Add(certificate);
        }

        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationFlags =
            X509VerificationFlags.IgnoreNotTimeValid
            | X509VerificationFlags.IgnoreCtlNotTimeValid
            | X509VerificationFlags.IgnoreNotTimeNested;
        if (requiredUsageOid is not null)
        {
            policy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(requiredUsageOid));
        }

        var built = chain.Build(leaf);
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        const X509ChainStatusFlags ignored =
            X509ChainStatusFlags.NotTimeValid
            | X509ChainStatusFlags.NotTimeNested
            | X509ChainStatusFlags.CtlNotTimeValid
            | X509ChainStatusFlags.RevocationStatusUnknown
            | X509ChainStatusFlags.OfflineRevocation;
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) & ~ignored;
        if (flags != X509ChainStatusFlags.NoError || (!built && elements.Count < 2))
        {
            return Refuse(flags, leaf, elements);
        }

        if (
            elements
                .Take(elements.Count - 1)
                .FirstOrDefault(c => DigestAlgorithms.IsWeakCertificateSignature(c.SignatureAlgorithm.Value)) is
            { } weak
        )
        {
            return new ChainOutcome
            {
                Code = ValidationCodes.WeakAlgorithm,
                Detail = $"certificate \"{weak.Subject}\" is signed with {weak.SignatureAlgorithm.FriendlyName}",
                Elements = elements,
            };
        }

        return new ChainOutcome
        {
            Elements = elements,
            Detail =
                $"chain: {string.Join(" → ", elements.Select(e => e.GetNameInfo(X509NameType.SimpleName, false)))}",
        };
    }

    private static ChainOutcome Refuse(
        X509ChainStatusFlags flags,
        X509Certificate2 leaf,
        List<X509Certificate2> elements
    )
    {
        const X509ChainStatusFlags usageFlags =
            X509ChainStatusFlags.NotValidForUsage
            | X509ChainStatusFlags.InvalidBasicConstraints
            | X509ChainStatusFlags.HasNotSupportedCriticalExtension
            | X509ChainStatusFlags.InvalidExtension
            | X509ChainStatusFlags.InvalidNameConstraints;
        var top = elements.Count > 0 ? elements[^1] : leaf;
        if (
            (
                flags
                & (
                    X509ChainStatusFlags.UntrustedRoot
                    | X509ChainStatusFlags.PartialChain
                    | X509ChainStatusFlags.NotSignatureValid
                    | X509ChainStatusFlags.Cyclic
                )
            ) != 0
            || (flags & usageFlags) == 0
        )
        {
            return new ChainOutcome
            {
                Code = ValidationCodes.CertificateUntrusted,
                Detail =
                    ReferenceEquals(top, leaf) || top.Thumbprint == leaf.Thumbprint
                        ? $"the certificate of \"{leaf.Subject}\" is issued by \"{leaf.Issuer}\", which is not a "
                            + $"trusted certificate authority ({flags})"
                    : top.Subject == top.Issuer
                        ? $"the certificate of \"{leaf.Subject}\" is issued by \"{leaf.Issuer}\", whose chain ends "
                            + $"at the root \"{top.Subject}\", which is not a trusted certificate authority ({flags})"
                    : $"the certificate of \"{leaf.Subject}\" is issued by \"{leaf.Issuer}\", whose chain stops at "
                        + $"\"{top.Subject}\": its issuer \"{top.Issuer}\" is not a trusted certificate authority "
                        + $"({flags})",
                Elements = elements,
            };
        }

        return new ChainOutcome
        {
            Code = ValidationCodes.CertificateUsage,
            Detail = $"the chain of \"{leaf.Subject}\" is not allowed for this use ({flags})",
            Elements = elements,
        };
    }
}
