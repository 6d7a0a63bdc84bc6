using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing;

/// <summary>
/// A certificate checked on its own (e.g. at login) with the same chain, validity, revocation and organization rules as
/// a letter's signer.
/// </summary>
internal sealed partial class ValidationRun
{
    public ValidationReport ExecuteForCertificate(
        X509Certificate2 certificate,
        IReadOnlyList<X509Certificate2> extraCertificates
    )
    {
        try
        {
            _signerCertificate = certificate;
            _cmsCertificates = [certificate, .. extraCertificates];
            _signer = SignerDescription.Describe(certificate, DefaultProfile);
            var refusal = CheckAlgorithms(System.Security.Cryptography.HashAlgorithmName.SHA256, certificate)
                ?? CheckCertificate(null);
            return refusal is null ? Accept() : Refuse(refusal);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Refuse(Refusals.Untrusted($"the certificate could not be checked ({exception.GetType().Name})"));
        }
    }
}
