namespace SmartOffice.Signing;

/// <summary>How letters are validated. Bound from configuration section "Signing" by the services.</summary>
public sealed record SignatureValidationOptions
{
    public const string SectionName = "Signing";

    /// <summary>
    /// Folder of trusted root certificates (PEM or DER); non-self-signed certificates there are used as intermediates.
    /// </summary>
    public string? TrustDir { get; init; }

    /// <summary>CRL files or folders of them (DER or PEM).</summary>
    public IReadOnlyList<string> CrlPaths { get; init; } = [];

    /// <summary>Single CRL folder (configuration key Signing:CrlDir); added to <see cref="CrlPaths"/>.</summary>
    public string? CrlDir { get; init; }

    public RevocationPolicy RevocationPolicy { get; init; } = RevocationPolicy.Require;

    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// Subject attribute that carries the organization identifier (default organizationIdentifier, 2.5.4.97).
    /// </summary>
    public string OrganizationIdentifierOid { get; init; } = "2.5.4.97";

    /// <summary>Country of the ETSI identifier "NTR{country}-{digits}" in the default profile (default MN).</summary>
    public string OrganizationIdentifierCountry { get; init; } = "MN";

    /// <summary>
    /// Per trust anchor: where and in which form its certificates carry the registry number. Anchors without a profile
    /// use <see cref="OrganizationIdentifierOid"/> and the form NTR{country}-{digits}.
    /// </summary>
    public IReadOnlyList<OrganizationIdentifierProfile> OrganizationIdentifierProfiles { get; init; } = [];

    /// <summary>
    /// Extended key usages that allow signing letters (when a certificate has the extension at all): document signing,
    /// e-mail protection, client authentication (e-Token login), Adobe and Microsoft document signing, any usage. Time
    /// stamping and OCSP signing are never accepted.
    /// </summary>
    public IReadOnlyList<string> AcceptedExtendedKeyUsages { get; init; } =
    [
        "1.3.6.1.5.5.7.3.36",
        "1.3.6.1.5.5.7.3.4",
        "1.3.6.1.5.5.7.3.2",
        "1.2.840.113583.1.1.5",
        "1.3.6.1.4.1.311.10.3.12",
        "2.5.29.37.0",
    ];

    /// <summary>
    /// SHA-256 thumbprints (hex) of certificates that may never sign a letter, such as the service's own evidence seals
    /// (current and former); the services add theirs.
    /// </summary>
    public IReadOnlyList<string> RefusedSignerThumbprints { get; init; } = [];

    /// <summary>Refuse JavaScript, launch/submit actions, embedded files, RichMedia and XFA (default true).</summary>
    public bool RefuseActiveContent { get; init; } = true;

    /// <summary>Upper bound on the time one validation may take; past it the file is refused as malformed.</summary>
    public TimeSpan MaxValidationTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A CRL past its nextUpdate by more than this is stale and covers nothing.</summary>
    public TimeSpan CrlGracePeriod { get; init; } = TimeSpan.Zero;

    /// <summary>How long a built and verified certificate chain is reused before it is built again.</summary>
    public TimeSpan ChainCacheDuration { get; init; } = TimeSpan.FromMinutes(5);
}
