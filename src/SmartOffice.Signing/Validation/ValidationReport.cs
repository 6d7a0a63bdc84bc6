namespace SmartOffice.Signing;

/// <summary>
/// The outcome of validating one PDF letter (DESIGN.md "validation report"; field names are a contract).
/// Only <see cref="Indications.TotalPassed"/> is accepted.
/// </summary>
public sealed record ValidationReport
{
    public bool Accepted { get; init; }

    public string Indication { get; init; } = Indications.TotalFailed;

    public string? SubIndication { get; init; }

    /// <summary><see cref="ValidationCodes.Ok"/> when accepted, otherwise the first failing check's code.</summary>
    public string Code { get; init; } = ValidationCodes.Ok;

    /// <summary>What happened and what to do, in English.</summary>
    public string Message { get; init; } = "";

    /// <summary>The same in Mongolian.</summary>
    public string MessageMn { get; init; } = "";

    /// <summary>SHA-256 of the exact bytes received, lowercase hex (null only when the file was not read).</summary>
    public string? DocumentSha256 { get; init; }

    /// <summary>
    /// SHA-256 of the signed bytes (the whole file but the signature value), lowercase hex: the letter's identity.
    /// A third party can re-encode the /Contents hex (case, padding) without breaking the signature, which changes
    /// <see cref="DocumentSha256"/> but never this. Null when the signature's byte range was not read.
    /// </summary>
    public string? SignedContentSha256 { get; init; }

    public SignerDetails? Signer { get; init; }

    /// <summary>
    /// Signing time claimed by the signer (CMS signing-time attribute or the PDF /M entry); not proof.
    /// </summary>
    public DateTimeOffset? ClaimedSigningTime { get; init; }

    public TimestampDetails? Timestamp { get; init; }

    public string? DigestAlgorithm { get; init; }

    public string? SignatureAlgorithm { get; init; }

    /// <summary>Every check that ran, in DESIGN.md's order; the last failed one explains the verdict.</summary>
    public IReadOnlyList<ValidationCheck> Checks { get; init; } = [];

    /// <summary>
    /// Things that did not refuse the letter but a careful reader should know (e.g. BestEffort revocation).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>When the validation ran (UTC).</summary>
    public DateTimeOffset ValidatedAt { get; init; }
}

/// <summary>The signer's certificate in words a clerk can read.</summary>
public sealed record SignerDetails
{
    public string Subject { get; init; } = "";

    /// <summary>The raw organization identifier, e.g. "NTRMN-5123456".</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The registry number taken from <see cref="OrganizationId"/>, e.g. "5123456".</summary>
    public string? RegistryNumber { get; init; }

    public string? OrganizationName { get; init; }

    public string SerialNumber { get; init; } = "";

    public string Issuer { get; init; } = "";

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset NotAfter { get; init; }

    public string? Thumbprint { get; init; }
}

/// <summary>An RFC 3161 signature timestamp found in the CMS.</summary>
public sealed record TimestampDetails
{
    public DateTimeOffset Time { get; init; }

    public string? Authority { get; init; }

    /// <summary>
    /// Whether the token verified and its TSA chains to a trust anchor (only then it moves validation time).
    /// </summary>
    public bool IsTrusted { get; init; }
}

/// <summary>One check of the validation table.</summary>
public sealed record ValidationCheck(string Name, bool Passed, string Detail);
