namespace SmartOffice.Signing;

/// <summary>Stable, machine-readable codes of DESIGN.md's validation table (contract: never rename).</summary>
public static class ValidationCodes
{
    public const string Ok = "ok";
    public const string NotPdf = "not_pdf";
    public const string PdfMalformed = "pdf_malformed";
    public const string PdfEncrypted = "pdf_encrypted";
    public const string FileTooLarge = "file_too_large";
    public const string SignatureMissing = "signature_missing";
    public const string SignatureMultiple = "signature_multiple";
    public const string SignatureNotCoveringFile = "signature_not_covering_file";
    public const string ModifiedAfterSigning = "modified_after_signing";
    public const string SignatureInvalid = "signature_invalid";
    public const string WeakAlgorithm = "weak_algorithm";
    public const string CertificateUntrusted = "certificate_untrusted";
    public const string CertificateUsage = "certificate_usage";
    public const string CertificateExpired = "certificate_expired";
    public const string CertificateNotYetValid = "certificate_not_yet_valid";
    public const string CertificateRevoked = "certificate_revoked";
    public const string RevocationUnknown = "revocation_unknown";
    public const string ActiveContent = "active_content";
    public const string SignerOrgMissing = "signer_org_missing";
    public const string SignerOrgMismatch = "signer_org_mismatch";
}
