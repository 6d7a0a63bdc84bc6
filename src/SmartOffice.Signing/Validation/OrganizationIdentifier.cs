using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace SmartOffice.Signing;

/// <summary>
/// Reads the organization a signing certificate was issued to. The ETSI EN 319 412-1 form is
/// "NTRMN-5123456": identifier type NTR (national trade register), country MN, then the registry number.
/// Only that exact form counts: a bare number or another country's register names no Mongolian company.
/// </summary>
public static class OrganizationIdentifier
{
    public const string DefaultOid = "2.5.4.97";
    private const string OrganizationNameOid = "2.5.4.10";
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The raw attribute value from any RDN (multi-valued ones included); null when absent or present twice.
    /// </summary>
    public static string? Read(X509Certificate2 certificate, string oid = DefaultOid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var values = ReadAll(certificate.SubjectName, oid);
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// How many values of <paramref name="oid"/> the subject holds (two means the identity is ambiguous).
    /// </summary>
    public static int Count(X509Certificate2 certificate, string oid = DefaultOid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ReadAll(certificate.SubjectName, oid).Count;
    }

    /// <summary>The subject's organization name (O), or null.</summary>
    public static string? ReadOrganizationName(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ReadAll(certificate.SubjectName, OrganizationNameOid).FirstOrDefault();
    }

    /// <summary>"NTRMN-5123456" → "5123456" (country configurable); anything else → null.</summary>
    public static string? ToRegistryNumber(string? identifier, string country = "MN") =>
        ToRegistryNumber(identifier, new OrganizationIdentifierProfile { Pattern = DefaultPattern(country) });

    /// <summary>The registry number the profile's pattern captures from the whole value, or null.</summary>
    public static string? ToRegistryNumber(string? identifier, OrganizationIdentifierProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (identifier is null)
        {
            return null;
        }

        var match = Regex.Match(identifier, profile.Pattern, RegexOptions.CultureInvariant, PatternTimeout);
        return match.Success && match.Groups.Count > 1 && match.Groups[1].Value.Length > 0
            ? match.Groups[1].Value
            : null;
    }

    /// <summary>The ETSI form for a country: NTR, the two-letter country code, '-', digits.</summary>
    public static string DefaultPattern(string country) => $"^NTR{Regex.Escape(country)}-([0-9]{{1,20}})$";

    private static List<string> ReadAll(X500DistinguishedName name, string oid)
    {
        var values = new List<string>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements)
            {
                if (rdn.GetSingleElementType().Value == oid && rdn.GetSingleElementValue() is { } value)
                {
                    values.Add(value);
                }

                continue;
            }

            // A multi-valued RDN is a SET OF AttributeTypeAndValue; .NET reads only single-valued ones.
            var set = new AsnReader(rdn.RawData, AsnEncodingRules.DER).ReadSetOf();
            while (set.HasData)
            {
                var pair = set.ReadSequence();
                if (pair.ReadObjectIdentifier() == oid && ReadString(pair) is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private static string? ReadString(AsnReader pair)
    {
        var tag = pair.PeekTag();
        return tag.TagClass == TagClass.Universal && Enum.IsDefined((UniversalTagNumber)tag.TagValue)
            ? TryRead(pair, (UniversalTagNumber)tag.TagValue)
            : null;
    }

    private static string? TryRead(AsnReader pair, UniversalTagNumber type)
    {
        try
        {
            return pair.ReadCharacterString(type);
        }
        catch (Exception exception) when (exception is AsnContentException or ArgumentException)
        {
            return null;
        }
    }
}
