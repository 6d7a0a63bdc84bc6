using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Signing;

/// <summary>
/// Reads the organization a signing certificate was issued to. The ETSI EN 319 412-1 form is
/// "NTRMN-5123456": identifier type NTR (national trade register), country MN, then the registry number.
/// </summary>
public static class OrganizationIdentifier
{
    public const string DefaultOid = "2.5.4.97";
    private const string OrganizationNameOid = "2.5.4.10";

    /// <summary>The raw attribute value, or null when the subject has none.</summary>
    public static string? Read(X509Certificate2 certificate, string oid = DefaultOid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ReadAttribute(certificate.SubjectName, oid);
    }

    /// <summary>The subject's organization name (O), or null.</summary>
    public static string? ReadOrganizationName(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ReadAttribute(certificate.SubjectName, OrganizationNameOid);
    }

    /// <summary>"NTRMN-5123456" → "5123456"; a bare number is taken as it is; anything else → null.</summary>
    public static string? ToRegistryNumber(string? identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier))
        {
            return null;
        }

        var value = identifier.Trim();
        if (value.Length > 6 && value.StartsWith("NTR", StringComparison.Ordinal) && char.IsAsciiLetterUpper(value[3]) && char.IsAsciiLetterUpper(value[4]) && value[5] == '-')
        {
            value = value[6..];
        }

        return value.Length is > 0 and <= 32 && value.All(char.IsAsciiLetterOrDigit) ? value : null;
    }

    private static string? ReadAttribute(X500DistinguishedName name, string oid)
    {
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == oid)
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }
}
