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
}
