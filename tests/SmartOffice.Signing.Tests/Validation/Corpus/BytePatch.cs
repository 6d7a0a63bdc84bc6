using System.Text;
using System.Text.RegularExpressions;

namespace SmartOffice.Signing.Tests.Validation.Corpus;

/// <summary>In-place edits that keep every offset of the file (so only the edited thing changes).</summary>
internal static class BytePatch
{
    /// <summary>
    /// Replaces the first match of <paramref name="pattern"/> with <paramref name="replacement"/>, padded with spaces
    /// to the same length.
    /// </summary>
    public static byte[] Replace(byte[] file, string pattern, Func<Match, string> replacement)
    {
        var text = Encoding.Latin1.GetString(file);
        var match = Regex.Match(text, pattern, RegexOptions.Singleline);
        Assert.IsTrue(match.Success, $"pattern {pattern} not found");
        var value = replacement(match);
        Assert.IsLessThanOrEqualTo(match.Length, value.Length, "replacement longer than the original");
        var copy = (byte[])file.Clone();
        Encoding.Latin1.GetBytes(value.PadRight(match.Length)).CopyTo(copy, match.Index);
        return copy;
    }

    /// <summary>The signature's /ByteRange values as written.</summary>
    public static long[] ByteRange(byte[] file)
    {
        var match = Regex.Match(
            Encoding.Latin1.GetString(file),
            @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]"
        );
        return
        [
            .. Enumerable
                .Range(1, 4)
                .Select(i => long.Parse(match.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    public static byte[] WithByteRange(byte[] file, long a, long b, long c, long d) =>
        Replace(file, @"/ByteRange\s*\[[^\]]*\]\s*", m => FormattableString.Invariant($"/ByteRange[{a} {b} {c} {d}]"));

    /// <summary>The hex /Contents of the signature (the long hex string).</summary>
    public const string SignatureContents = @"/Contents\s*<[0-9A-Fa-f]{200,}>";

    /// <summary>Only the hex digits of the signature's /Contents (the delimiters stay where they are).</summary>
    public const string SignatureHex = @"(?<=/Contents\s*<)[0-9A-Fa-f]{200,}(?=>)";
}
