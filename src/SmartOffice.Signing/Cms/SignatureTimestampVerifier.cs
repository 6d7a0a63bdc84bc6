using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Trust;

namespace SmartOffice.Signing.Cms;

/// <summary>
/// Verifies an RFC 3161 signature timestamp (unsigned attribute over the signature value). Only a token whose
/// TSA chains to a trust anchor with the timeStamping usage is trusted, and only a trusted one may move the
/// time at which the signer's certificate must be valid.
/// </summary>
internal static class SignatureTimestampVerifier
{
    public static TimestampDetails? Verify(
        CmsSignerInfo signer,
        IReadOnlyList<X509Certificate2> cmsCertificates,
        TrustMaterial trust,
        CertificatePathValidator paths,
        out string? problem,
        out IReadOnlyList<X509Certificate2> authorityChain
    )
    {
        problem = null;
        authorityChain = [];
        var token = signer.ValuesOf(Oids.SignatureTimestampToken, signed: false).FirstOrDefault();
        if (token is null)
        {
            return null;
        }

        if (!Rfc3161TimestampToken.TryDecode(token, out var decoded, out _))
        {
            problem = "the signature timestamp cannot be read";
            return null;
        }

        var time = decoded.TokenInfo.Timestamp;
        var candidates = new X509Certificate2Collection(cmsCertificates.Concat(trust.Intermediates).ToArray());
        if (!decoded.VerifySignatureForData(signer.Signature, out var authority, candidates) || authority is null)
        {
            problem = "the signature timestamp does not match the signature or its authority's signature is invalid";
            return new TimestampDetails { Time = time, IsTrusted = false };
        }

        var chain = paths.Build(authority, cmsCertificates, trust, Oids.TimeStampingUsage);
        authorityChain = chain.Elements;
        var isTimeValid = authority.NotBefore <= time && time <= authority.NotAfter;
        if (!chain.IsTrusted || !isTimeValid)
        {
            problem =
                $"the timestamp authority \"{authority.Subject}\" is not trusted: "
                + $"{(chain.IsTrusted ? "its certificate was not valid at the timestamp time" : chain.Detail)}";
        }

        return new TimestampDetails
        {
            Time = time,
            Authority = authority.Subject,
            IsTrusted = problem is null,
        };
    }
}
