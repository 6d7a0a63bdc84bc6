namespace SmartOffice.Signing;

/// <summary>
/// Where and in which exact form the certificates of one trust anchor carry the registry number. Licensed CAs
/// differ; a profile per anchor keeps one CA's format from claiming a number under another CA.
/// </summary>
public sealed record OrganizationIdentifierProfile
{
    /// <summary>SHA-256 thumbprint (hex) of the trust anchor the profile applies to.</summary>
    public string AnchorThumbprint { get; init; } = "";

    /// <summary>Subject attribute holding the identifier (default organizationIdentifier, 2.5.4.97).</summary>
    public string Oid { get; init; } = OrganizationIdentifier.DefaultOid;

    /// <summary>A regular expression for the whole value; its first group is the registry number.</summary>
    public string Pattern { get; init; } = "^NTRMN-([0-9]{1,20})$";
}
