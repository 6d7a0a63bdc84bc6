using SmartOffice.Signing.Trust;

namespace SmartOffice.Signing;

/// <summary>
/// Decides whether a PDF letter carries exactly one valid signature (DESIGN.md's table, in order).
/// Thread-safe: create one, reuse it for every letter; trust material is loaded once and swapped on reload.
/// </summary>
public sealed class PdfSignatureValidator
{
    private readonly SignatureValidationOptions _options;
    private readonly CertificatePathValidator _paths;
    private readonly TimeProvider _time;
    private volatile TrustMaterial _trust;

    /// <summary>Loads trust anchors, intermediates and CRLs from the options' paths.</summary>
    public PdfSignatureValidator(SignatureValidationOptions options)
        : this(options, TrustMaterial.Load(options)) { }

    /// <summary>
    /// Uses trust material held elsewhere (e.g. a trust list administrators manage in a database); letters are judged
    /// at the time <paramref name="time"/> gives (the system clock by default).
    /// </summary>
    public PdfSignatureValidator(SignatureValidationOptions options, TrustMaterial trust, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trust);
        _options = options;
        _trust = trust;
        _time = time ?? TimeProvider.System;
        _paths = new CertificatePathValidator(options.ChainCacheDuration, _time);
    }

    public SignatureValidationOptions Options => _options;

    /// <summary>The trust snapshot in use.</summary>
    public TrustMaterial Trust => _trust;

    /// <summary>Chain building shared with other checks of the same trust (e.g. login certificates).</summary>
    public CertificatePathValidator Paths => _paths;

    /// <summary>Validates the bytes of one file. Never throws on hostile input: every outcome is a report.</summary>
    public ValidationReport Validate(ReadOnlyMemory<byte> file, ValidationRequest? request = null) =>
        new ValidationRun(file, request ?? new ValidationRequest(), _options, _trust, _paths, _time).Execute();

    /// <summary>
    /// Checks a certificate alone (chain to the anchors, key usage, validity, revocation, organization identifier),
    /// with the rules applied to a letter's signer; used to log in with a signing certificate.
    /// </summary>
    public ValidationReport ValidateCertificate(
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate,
        IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2>? extraCertificates = null,
        ValidationRequest? request = null
    )
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new ValidationRun(
            ReadOnlyMemory<byte>.Empty,
            request ?? new ValidationRequest(),
            _options,
            _trust,
            _paths,
            _time
        ).ExecuteForCertificate(certificate, extraCertificates ?? []);
    }

    /// <summary>
    /// Reads at most MaxFileBytes + 1 bytes from the stream (file_too_large past that), then validates.
    /// </summary>
    public async Task<ValidationReport> ValidateAsync(
        Stream file,
        ValidationRequest? request = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(file);
        var limit = Math.Min(_options.MaxFileBytes, request?.MaxFileBytes ?? long.MaxValue);
        var (buffer, length, isTooLarge) = await BoundedRead
            .ReadAsync(file, limit, cancellationToken)
            .ConfigureAwait(false);
        if (isTooLarge)
        {
            return ValidationRun.TooLarge(length, limit, _time.GetUtcNow());
        }

        return Validate(buffer.AsMemory(0, length), request);
    }

    /// <summary>Loads trust anchors, intermediates and CRLs again from the configured paths.</summary>
    public void ReloadTrust() => _trust = TrustMaterial.Load(_options);

    /// <summary>Replaces the trust material (e.g. after administrators changed the trust list).</summary>
    public void ReloadTrust(TrustMaterial trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        _trust = trust;
    }
}
