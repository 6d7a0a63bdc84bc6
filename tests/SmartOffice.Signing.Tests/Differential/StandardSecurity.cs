using System.Security.Cryptography;

namespace SmartOffice.Signing.Tests.Differential;

/// <summary>
/// An /Encrypt dictionary of the standard security handler, revision 2 (40-bit RC4), with an empty user
/// password (ISO 32000-1 §7.6.3, algorithms 2, 3 and 4), so readers open the file and report it encrypted.
/// Strings and streams stay as written: readers decrypt them to noise, which does not matter for the question
/// the test asks (is the file encrypted?).
/// </summary>
internal static class StandardSecurity
{
    public const string FileId = "5B6A0D29C1E4F3A2B7D8E9F0A1B2C3D4";
    private const int Permissions = -44;

    private static readonly byte[] Padding = Convert.FromHexString(
        "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A"
    );

    /// <summary>The dictionary's text; the trailer must carry <c>/ID [&lt;FileId&gt; &lt;FileId&gt;]</c>.</summary>
    public static string Dictionary()
    {
        // The format fixes MD5 and RC4 here; nothing is protected by them in a test file.
#pragma warning disable CA5351
        var owner = Rc4(MD5.HashData(Pad("owner"))[..5], Padding);
        var key = MD5.HashData([
            .. Padding,
            .. owner,
            .. BitConverter.GetBytes(Permissions),
            .. Convert.FromHexString(FileId),
        ])[..5];
#pragma warning restore CA5351
        var user = Rc4(key, Padding);
        return $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P {Permissions} /O <{Convert.ToHexString(owner)}> /U "
            + $"<{Convert.ToHexString(user)}> >>";
    }

    private static byte[] Pad(string password) =>
        [.. System.Text.Encoding.Latin1.GetBytes(password), .. Padding[..(32 - password.Length)]];

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 255;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 255;
            j = (j + s[i]) & 255;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 255]);
        }

        return output;
    }
}
