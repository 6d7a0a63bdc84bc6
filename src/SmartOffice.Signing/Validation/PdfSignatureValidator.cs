namespace SmartOffice.Signing;

/// <summary>Decides whether a PDF letter carries exactly one valid signature. Thread-safe; create once and reuse.</summary>
public sealed class PdfSignatureValidator
{
    private readonly SignatureValidationOptions _options;

    public PdfSignatureValidator(SignatureValidationOptions options)
    {
        _options = options;
    }

    public SignatureValidationOptions Options => _options;

    /// <summary>Validates the bytes of one file. Never throws on hostile input: every outcome is a report.</summary>
    public ValidationReport Validate(ReadOnlyMemory<byte> file, ValidationRequest? request = null) => throw new NotImplementedException();

    /// <summary>Reads at most MaxFileBytes + 1 from the stream (file_too_large past that), then validates.</summary>
    public Task<ValidationReport> ValidateAsync(Stream file, ValidationRequest? request = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Loads trust anchors, intermediates and CRLs again from the configured paths.</summary>
    public void ReloadTrust() => throw new NotImplementedException();
}
