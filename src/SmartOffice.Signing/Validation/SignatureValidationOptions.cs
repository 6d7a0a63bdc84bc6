namespace SmartOffice.Signing;

/// <summary>How letters are validated. Bound from configuration section "Signing" by the services.</summary>
public sealed record SignatureValidationOptions
{
    public const string SectionName = "Signing";

    /// <summary>Folder of trusted root certificates (PEM or DER); non-self-signed certificates there are used as intermediates.</summary>
    public string? TrustDir { get; init; }

    /// <summary>CRL files or folders of them (DER or PEM).</summary>
    public IReadOnlyList<string> CrlPaths { get; init; } = [];

    /// <summary>Single CRL folder (configuration key Signing:CrlDir); added to <see cref="CrlPaths"/>.</summary>
    public string? CrlDir { get; init; }

    public RevocationPolicy RevocationPolicy { get; init; } = RevocationPolicy.Require;

    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Subject attribute that carries the organization identifier (default organizationIdentifier, 2.5.4.97).</summary>
    public string OrganizationIdentifierOid { get; init; } = "2.5.4.97";

    /// <summary>Refuse JavaScript, launch/submit actions, embedded files, RichMedia and XFA (default true).</summary>
    public bool RefuseActiveContent { get; init; } = true;

    /// <summary>Upper bound on the time one validation may take; past it the file is refused as malformed.</summary>
    public TimeSpan MaxValidationTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A CRL past its nextUpdate by more than this is stale and covers nothing.</summary>
    public TimeSpan CrlGracePeriod { get; init; } = TimeSpan.Zero;

    /// <summary>How long a built and verified certificate chain is reused before it is built again.</summary>
    public TimeSpan ChainCacheDuration { get; init; } = TimeSpan.FromMinutes(5);
}
