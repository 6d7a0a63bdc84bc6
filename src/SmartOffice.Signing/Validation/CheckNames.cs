namespace SmartOffice.Signing;

/// <summary>Names of the checks in a report, in DESIGN.md's order.</summary>
public static class CheckNames
{
    public const string Format = "format";
    public const string SignatureCount = "signature_count";
    public const string ByteRange = "byte_range";
    public const string NoChangesAfterSigning = "no_changes_after_signing";
    public const string Cryptographic = "cryptographic_signature";
    public const string Algorithms = "algorithms";
    public const string Chain = "certificate_chain";
    public const string Validity = "certificate_validity";
    public const string Revocation = "revocation";
    public const string ActiveContent = "active_content";
    public const string Organization = "signer_organization";
}
