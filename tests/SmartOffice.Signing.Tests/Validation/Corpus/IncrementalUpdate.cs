using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartOffice.Signing.Tests.Validation.Corpus;

/// <summary>
/// Appends a revision to a PDF the way an attacker (or a careless tool) would: new or redefined objects,
/// a classic xref section and a trailer pointing back at the previous one. Written by hand so each hostile
/// file in the tests shows exactly what was added.
/// </summary>
internal static partial class IncrementalUpdate
{
    public static byte[] Append(byte[] pdf, IReadOnlyDictionary<int, string> objects)
    {
        var text = Latin1(pdf);
        var size = Math.Max(LastInt(text, SizePattern()), objects.Keys.Max() + 1);
        var (root, rootGeneration) = Root(pdf);
        var previous = LastInt(text, StartXrefPattern());
        var output = new StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        var position = (long)pdf.Length;
        if (pdf.Length > 0 && pdf[^1] != '\n')
        {
            output.Append('\n');
            position++;
        }

        foreach (var (number, body) in objects)
        {
            offsets[number] = position + Encoding.Latin1.GetByteCount(output.ToString());
            output.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xrefOffset = position + Encoding.Latin1.GetByteCount(output.ToString());
        output.Append("xref\n0 1\n0000000000 65535 f \n");
        foreach (var (number, offset) in offsets)
        {
            output.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        output.Append(
            CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {size} /Root {root} {rootGeneration} R /Prev {previous} "
                + $">>\nstartxref\n{xrefOffset}\n%%EOF\n"
        );
        return [.. pdf, .. Encoding.Latin1.GetBytes(output.ToString())];
    }

    public static int NextObjectNumber(byte[] pdf)
    {
        var text = Latin1(pdf);
        var highest = ObjectPattern()
            .Matches(text)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        return Math.Max(LastInt(text, SizePattern()), highest + 1);
    }

    public static (int Number, int Generation) Root(byte[] pdf)
    {
        var match = RootPattern().Matches(Latin1(pdf)).Last();
        return (
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)
        );
    }

    /// <summary>The text of the last definition of an object (between "N G obj" and "endobj").</summary>
    public static string ObjectBody(byte[] pdf, int number)
    {
        var matches = Regex.Matches(Latin1(pdf), $@"(?<!\d){number} 0 obj\s*(.*?)\s*endobj", RegexOptions.Singleline);
        return matches[^1].Groups[1].Value;
    }

    /// <summary>The number of the first object whose dictionary has /Type /Page.</summary>
    public static int FirstPage(byte[] pdf) =>
        int.Parse(PagePattern().Match(Latin1(pdf)).Groups[1].Value, CultureInfo.InvariantCulture);

    public static string Latin1(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    private static int LastInt(string text, Regex pattern)
    {
        var matches = pattern.Matches(text);
        return matches.Count == 0 ? 0 : int.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"/Root\s+(\d+)\s+(\d+)\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"(?<!\d)(\d+)\s+\d+\s+obj\b")]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"(\d+)\s+0\s+obj\s*<<(?:(?!endobj).)*?/Type\s*/Page(?![a-zA-Z])", RegexOptions.Singleline)]
    private static partial Regex PagePattern();
}
