namespace SmartOffice.Signing;

/// <summary>ETSI EN 319 102-1 main indications.</summary>
public static class Indications
{
    public const string TotalPassed = "TOTAL_PASSED";
    public const string TotalFailed = "TOTAL_FAILED";
    public const string Indeterminate = "INDETERMINATE";
}

/// <summary>ETSI EN 319 102-1 subindications used by SmartOffice.</summary>
public static class SubIndications
{
    public const string FormatFailure = "FORMAT_FAILURE";
    public const string HashFailure = "HASH_FAILURE";
    public const string SigCryptoFailure = "SIG_CRYPTO_FAILURE";
    public const string CryptoConstraintsFailure = "CRYPTO_CONSTRAINTS_FAILURE";
    public const string NoCertificateChainFound = "NO_CERTIFICATE_CHAIN_FOUND";
    public const string ChainConstraintsFailure = "CHAIN_CONSTRAINTS_FAILURE";
    public const string OutOfBoundsNoPoe = "OUT_OF_BOUNDS_NO_POE";
    public const string NotYetValid = "NOT_YET_VALID";
    public const string Revoked = "REVOKED";
    public const string TryLater = "TRY_LATER";
    public const string SignedDataNotFound = "SIGNED_DATA_NOT_FOUND";
    public const string PolicyProcessingError = "POLICY_PROCESSING_ERROR";
}
