using System.Security.Cryptography.X509Certificates;
using SmartOffice.Signing.Cms;
using SmartOffice.Signing.Pdf;
using SmartOffice.Signing.Revocation;

namespace SmartOffice.Signing;

/// <summary>
/// The signer's certificate: trusted chain, usage, validity, revocation; then content and organization policy.
/// </summary>
internal sealed partial class ValidationRun
{
    private Refusal? CheckCertificate(PdfScanResult? scan)
    {
        var certificate = _signerCertificate!;
        var others = _cmsCertificates.Where(c => !ReferenceEquals(c, certificate)).ToList();
        var chain = _paths.Build(certificate, others, _trust);
        if (!chain.IsTrusted)
        {
            return chain.Code switch
            {
                ValidationCodes.CertificateUsage => Refusals.Usage(chain.Detail),
                ValidationCodes.WeakAlgorithm => Refusals.WeakAlgorithm(chain.Detail),
                _ => Refusals.Untrusted(chain.Detail),
            };
        }

        var keyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (
            keyUsage is not null
            && (keyUsage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0
        )
        {
            return Refusals.Usage(
                $"the key usage of \"{certificate.Subject}\" is {keyUsage.KeyUsages}, without digitalSignature or "
                    + $"nonRepudiation"
            );
        }

        if (CheckPurpose(certificate) is { } purpose)
        {
            return purpose;
        }

        Pass(CheckNames.Chain, chain.Detail);
        var embedded = scan is null ? RevocationEvidence.Empty : EmbeddedRevocation.Collect(scan, _cms!, _cmsSigner!);
        var referenceTime = ReferenceTime(others, embedded);
        foreach (var element in chain.Elements)
        {
            var notBefore = new DateTimeOffset(element.NotBefore);
            var notAfter = new DateTimeOffset(element.NotAfter);
            if (referenceTime > notAfter)
            {
                return Refusals.Expired(element.Subject, notAfter.ToUniversalTime(), referenceTime);
            }

            if (referenceTime < notBefore)
            {
                return Refusals.NotYetValid(element.Subject, notBefore.ToUniversalTime(), referenceTime);
            }
        }

        Pass(
            CheckNames.Validity,
            $"every certificate of the chain is valid at "
                + $"{referenceTime:u}{(_timestamp?.IsTrusted == true ? " (the trusted signature timestamp)" : "")}"
        );
        var times = new RevocationTimes(
            _validationTime,
            referenceTime,
            _timestamp?.IsTrusted == true ? referenceTime : _claimedSigningTime ?? _validationTime
        );
        return CheckRevocation(embedded, chain.Elements, times)
            ?? (scan is null ? null : CheckContent(scan))
            ?? CheckOrganization(certificate, chain.Elements[^1]);
    }

    private DateTimeOffset ReferenceTime(List<X509Certificate2> others, RevocationEvidence embedded)
    {
        if (_cmsSigner is null)
        {
            return _validationTime;
        }

        _timestamp = SignatureTimestampVerifier.Verify(
            _cmsSigner!,
            others,
            _trust,
            _paths,
            out var problem,
            out var authorityChain
        );
        if (problem is not null)
        {
            _warnings.Add($"Signature timestamp ignored: {problem}.");
        }

        if (_timestamp is not { IsTrusted: true } timestamp || timestamp.Time > _validationTime)
        {
            return _validationTime;
        }

        // A token proves a time only while its authority's key is good: the TSA is checked like the signer.
        var times = new RevocationTimes(_validationTime, timestamp.Time, timestamp.Time);
        var authority = RevocationChecker.Check(authorityChain, _trust, embedded, times, _options.CrlGracePeriod);
        _warnings.AddRange(authority.Warnings.Select(w => $"Timestamp authority revocation: {w}."));
        var ignored = authority.Code switch
        {
            ValidationCodes.CertificateRevoked =>
                $"the timestamp authority's certificate is revoked: {authority.Detail}",
            ValidationCodes.RevocationUnknown when _options.RevocationPolicy == RevocationPolicy.Require =>
                $"the timestamp authority's revocation status is unknown: {authority.Detail}",
            _ => null,
        };
        if (ignored is not null)
        {
            _warnings.Add($"Signature timestamp ignored: {ignored}.");
            _timestamp = timestamp with { IsTrusted = false };
            return _validationTime;
        }

        return timestamp.Time;
    }

    private Refusal? CheckRevocation(
        RevocationEvidence embedded,
        IReadOnlyList<X509Certificate2> chain,
        RevocationTimes times
    )
    {
        var outcome = RevocationChecker.Check(chain, _trust, embedded, times, _options.CrlGracePeriod);
        _warnings.AddRange(outcome.Warnings.Select(w => $"Revocation: {w}."));
        switch (outcome.Code)
        {
            case ValidationCodes.CertificateRevoked:
                return Refusals.Revoked(outcome.Detail);
            case ValidationCodes.RevocationUnknown when _options.RevocationPolicy == RevocationPolicy.Require:
                return Refusals.RevocationUnknown(outcome.Detail);
            case ValidationCodes.RevocationUnknown:
                _warnings.Add($"Revocation not confirmed (policy BestEffort): {outcome.Detail}.");
                Pass(CheckNames.Revocation, $"not confirmed, accepted under policy BestEffort: {outcome.Detail}");
                return null;
            default:
                Pass(CheckNames.Revocation, outcome.Detail);
                return null;
        }
    }

    private Refusal? CheckContent(PdfScanResult scan)
    {
        if (scan.ActiveContent.Count > 0)
        {
            var found = string.Join("; ", scan.ActiveContent.Take(5));
            if (_options.RefuseActiveContent)
            {
                return Refusals.ActiveContent(found);
            }

            _warnings.Add($"Active content allowed by configuration: {found}.");
        }

        Pass(
            CheckNames.ActiveContent,
            scan.ActiveContent.Count == 0
                ? "no JavaScript, actions, embedded files, RichMedia or XFA"
                : "active content allowed by configuration"
        );
        return null;
    }

    private Refusal? CheckOrganization(X509Certificate2 certificate, X509Certificate2 anchor)
    {
        var profile = ProfileFor(anchor);
        var signer = _signer = SignerDescription.Describe(certificate, profile);
        if (signer.RegistryNumber is null)
        {
            var count = OrganizationIdentifier.Count(certificate, profile.Oid);
            var detail = count switch
            {
                0 => $"\"{certificate.Subject}\" has no organization identifier (OID {profile.Oid})",
                > 1 => $"\"{certificate.Subject}\" holds {count} organization identifiers (OID {profile.Oid}), so it "
                    + $"names no single organization",
                _ => $"the organization identifier \"{signer.OrganizationId}\" is not of the form "
                    + $"{Describe(profile)} that certificates of "
                    + $"\"{anchor.GetNameInfo(X509NameType.SimpleName, false)}\" must use",
            };
            return Refusals.OrganizationMissing(detail);
        }

        var expected = _request.ExpectedRegistryNumber;
        if (expected is not null && !string.Equals(expected.Trim(), signer.RegistryNumber, StringComparison.Ordinal))
        {
            return Refusals.OrganizationMismatch(signer.RegistryNumber, expected);
        }

        Pass(
            CheckNames.Organization,
            expected is null
                ? $"signed for registry number {signer.RegistryNumber} (no expected sender given)"
                : $"signed for registry number {signer.RegistryNumber}, the sender"
        );
        return null;
    }
}
