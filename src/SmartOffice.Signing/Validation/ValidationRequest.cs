namespace SmartOffice.Signing;

/// <summary>Per-letter inputs to a validation.</summary>
public sealed record ValidationRequest
{
    /// <summary>The registry number of the sending company; when set, the signer must belong to it.</summary>
    public string? ExpectedRegistryNumber { get; init; }

    /// <summary>Validate as of this time instead of now (tests, re-validation of archived letters).</summary>
    public DateTimeOffset? ValidationTime { get; init; }

    /// <summary>
    /// A smaller size limit than the validator's for this file (e.g. for anonymous callers); null keeps it.
    /// </summary>
    public long? MaxFileBytes { get; init; }

    /// <summary>
    /// The file is one the service sealed itself (a delivery receipt): the certificates of
    /// <see cref="SignatureValidationOptions.RefusedSignerThumbprints"/>, which never sign letters, may sign it.
    /// Whether the signer is indeed the service's seal is the caller's to check
    /// (<see cref="SignerDetails.Thumbprint"/>).
    /// </summary>
    public bool AcceptServiceSeal { get; init; }
}
