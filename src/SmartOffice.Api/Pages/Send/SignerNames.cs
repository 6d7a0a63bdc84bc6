using System.Security.Cryptography.X509Certificates;

namespace SmartOffice.Api.Pages.Send;

/// <summary>
/// The readable part of a certificate name ("CN=Бат, O=…" → "Бат"), for the signature panels of send and verify.
/// </summary>
internal static class SignerNames
{
    public static string CommonName(string? distinguishedName)
    {
        if (string.IsNullOrEmpty(distinguishedName))
        {
            return "";
        }

        try
        {
            var name = new X500DistinguishedName(distinguishedName);
            return name.EnumerateRelativeDistinguishedNames()
                .FirstOrDefault(r => r.GetSingleElementType().Value == "2.5.4.3")
                ?.GetSingleElementValue()
                ?? distinguishedName;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return distinguishedName;
        }
    }
}
