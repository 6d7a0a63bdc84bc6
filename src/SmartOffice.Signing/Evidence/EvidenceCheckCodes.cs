namespace SmartOffice.Signing.Evidence;

/// <summary>
/// Stable, machine-readable outcomes of checking a sealed evidence (like <see cref="ValidationCodes"/> for letters).
/// </summary>
public static class EvidenceCheckCodes
{
    /// <summary>The seal verifies over the exact JSON and the sealing certificate is trusted.</summary>
    public const string Ok = "ok";

    /// <summary>The file holds no evidence object with "json" and "seal", or its JSON does not parse.</summary>
    public const string Malformed = "evidence_malformed";

    /// <summary>
    /// The seal is not a CMS signature over these exact bytes (the JSON was edited, or the seal belongs to another
    /// one).
    /// </summary>
    public const string SealInvalid = "seal_invalid";

    /// <summary>The sealing certificate does not chain to a trust anchor.</summary>
    public const string SealerUntrusted = "sealer_untrusted";

    /// <summary>A trusted certificate sealed it, but not the one this service seals with.</summary>
    public const string SealerUnexpected = "sealer_unexpected";

    /// <summary>The evidence names another document than the letter given with it.</summary>
    public const string DocumentMismatch = "document_mismatch";
}
