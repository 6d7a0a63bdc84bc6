using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// A signed letter changed the way a PDF editor changes it: a well-formed incremental update (an annotation,
/// its cross-reference section and trailer) after the signed revision.
/// </summary>
internal static partial class ChangedLetter
{
    public static byte[] AfterSigning(byte[] signed)
    {
        var text = Encoding.Latin1.GetString(signed);
        var root = RootPattern().Matches(text)[^1].Groups[1].Value;
        var size = int.Parse(SizePattern().Matches(text)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var previous = StartXrefPattern().Matches(text)[^1].Groups[1].Value;
        var update = new StringBuilder(signed[^1] == '\n' ? "" : "\n");
        var objectOffset = signed.Length + update.Length;
        update.Append(
            CultureInfo.InvariantCulture,
            $"{size} 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (changed) >>\nendobj\n"
        );
        var xref = signed.Length + update.Length;
        update.Append(
            CultureInfo.InvariantCulture,
            $"xref\n0 1\n0000000000 65535 f \n{size} 1\n{objectOffset:D10} 00000 n \n"
        );
        update.Append(
            CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {size + 1} /Root {root} R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n"
        );
        return [.. signed, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"/Root\s+(\d+\s+\d+)\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefPattern();
}
