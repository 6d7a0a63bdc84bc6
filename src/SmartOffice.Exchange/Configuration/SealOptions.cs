namespace SmartOffice.Exchange.Configuration;

/// <summary>The service's own seal for evidence (section "Seal").</summary>
public sealed record SealOptions
{
    public const string SectionName = "Seal";

    /// <summary>PKCS#12 file with the seal's key and certificate (required).</summary>
    public string? CertificatePath { get; init; }

    public string? Password { get; init; }

    /// <summary>
    /// Earlier seal certificates (PEM files, separated by ';') whose evidences still verify after a rollover.
    /// </summary>
    public string? FormerCertificates { get; init; }
}
