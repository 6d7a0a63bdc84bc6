using System.Text;

namespace SmartOffice.Exchange.Letters;

/// <summary>How an attachment's file name is kept: recipients see it, and downloads carry it.</summary>
public static class LetterAttachmentRules
{
    public const int MaxFileNameLength = 200;

    /// <summary>
    /// The sender's file name without any folder, control or bidirectional characters (which could disguise the name),
    /// at most <see cref="MaxFileNameLength"/> characters, ending in .pdf; "attachment-N.pdf" when nothing is left.
    /// </summary>
    public static string DisplayName(string? fileName, int number)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!IsInvisible(c) && c is not ('"' or '<' or '>' or '|' or '*' or '?' or ':'))
            {
                kept.Append(c);
            }
        }

        var text = kept.ToString().Trim();
        if (text.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        text = text.Trim().Trim('.').Trim();

        if (text.Length == 0)
        {
            text = $"attachment-{number}";
        }

        if (text.Length > MaxFileNameLength - 4)
        {
            // Never cut between the halves of a surrogate pair.
            var cut = MaxFileNameLength - 4;
            text = text[..(char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut)];
        }

        return text + ".pdf";
    }

    /// <summary>
    /// Controls, format characters (zero-width, bidirectional marks and overrides, BOM) and line or paragraph
    /// separators: none belongs in a name a person reads.
    /// </summary>
    private static bool IsInvisible(char c) =>
        char.IsControl(c)
        || IsBidiControl(c)
        || char.GetUnicodeCategory(c)
            is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator;

    private static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
