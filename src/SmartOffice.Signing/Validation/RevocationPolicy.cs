namespace SmartOffice.Signing;

/// <summary>What to do when no CRL or OCSP response covers the signer's certificate.</summary>
public enum RevocationPolicy
{
    /// <summary>Refuse with revocation_unknown.</summary>
    Require,

    /// <summary>Accept, with a warning in the report.</summary>
    BestEffort,
}
