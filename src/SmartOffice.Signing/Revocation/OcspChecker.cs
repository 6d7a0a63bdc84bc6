using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace SmartOffice.Signing.Revocation;

/// <summary>
/// Reads OCSP responses embedded in the letter. .NET has no OCSP API; BouncyCastle parses and verifies them.
/// A response counts only when signed by the issuer or by a responder the issuer delegated (id-kp-OCSPSigning).
/// </summary>
internal static class OcspChecker
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private const string OcspSigning = "1.3.6.1.5.5.7.3.9";

    public static OcspAnswer Check(
        X509Certificate2 certificate,
        X509Certificate2 issuer,
        IReadOnlyList<byte[]> responses,
        RevocationTimes times
    )
    {
        if (responses.Count == 0)
        {
            return default;
        }

        var parser = new X509CertificateParser();
        var bcIssuer = parser.ReadCertificate(issuer.RawData);
        var serial = new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.ToArray());
        foreach (var encoded in responses)
        {
            try
            {
                if (Evaluate(encoded, bcIssuer, serial, times) is { } answer)
                {
                    return answer;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A response we cannot read covers nothing; the caller reports the certificate as not covered.
            }
        }

        return default;
    }

    // Responses come only with the letter, so they count only when produced after the signature (like PAdES-LT data).
    private static OcspAnswer? Evaluate(
        byte[] encoded,
        Org.BouncyCastle.X509.X509Certificate issuer,
        Org.BouncyCastle.Math.BigInteger serial,
        RevocationTimes times
    )
    {
        var response = new OcspResp(encoded);
        if (
            response.Status != OcspRespStatus.Successful
            || response.GetResponseObject() is not BasicOcspResp basic
            || !IsSignedByIssuerOrDelegate(basic, issuer)
        )
        {
            return null;
        }

        foreach (var single in basic.Responses)
        {
            var id = single.GetCertID();
            if (!id.SerialNumber.Equals(serial) || !id.MatchesIssuer(issuer))
            {
                continue;
            }

            var thisUpdate = new DateTimeOffset(DateTime.SpecifyKind(single.ThisUpdate, DateTimeKind.Utc));
            if (thisUpdate > times.Validation + ClockSkew || thisUpdate < times.Signature)
            {
                continue;
            }

            switch (single.GetCertStatus())
            {
                case null:
                    return new OcspAnswer(
                        null,
                        $"an OCSP response the letter carries, of {thisUpdate:u}, says the certificate is good"
                    );
                case RevokedStatus revoked:
                    var reason = revoked.HasRevocationReason ? revoked.RevocationReason : (int?)null;
                    var at = new DateTimeOffset(DateTime.SpecifyKind(revoked.RevocationTime, DateTimeKind.Utc));
                    return new OcspAnswer(
                        new Revocation(at, reason, null, $"an OCSP response of {thisUpdate:u}"),
                        null
                    );
            }
        }

        return null;
    }

    private static bool IsSignedByIssuerOrDelegate(BasicOcspResp basic, Org.BouncyCastle.X509.X509Certificate issuer)
    {
        if (basic.Verify(issuer.GetPublicKey()))
        {
            return true;
        }

        foreach (var responder in basic.GetCerts() ?? [])
        {
            try
            {
                responder.Verify(issuer.GetPublicKey());
                if (
                    responder.GetExtendedKeyUsage()?.Any(usage => usage.Id == OcspSigning) == true
                    && basic.Verify(responder.GetPublicKey())
                )
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // not a responder of this issuer
            }
        }

        return false;
    }
}

/// <summary>
/// What the letter's OCSP responses say of one certificate: revoked, good (with a detail), or nothing.
/// </summary>
internal readonly record struct OcspAnswer(Revocation? Revocation, string? GoodDetail);
