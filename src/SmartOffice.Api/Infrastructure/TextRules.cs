namespace SmartOffice.Api.Infrastructure;

/// <summary>Rules for text people type that others will read.</summary>
internal static class TextRules
{
    /// <summary>
    /// Bidirectional embedding, override and isolate controls (U+202A–202E, U+2066–2069) can make a subject or a name
    /// read differently from what it says ("Trojan Source"); they have no place in a letter's metadata.
    /// </summary>
    public static bool HasBidiControl(string? text) =>
        text is not null && text.Any(c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    /// <summary>
    /// C0 controls and DEL other than tab and line breaks: a database cannot keep NUL, and the rest (escape, bell,
    /// backspace) only disguise what a reason, sealed into evidence and receipts, says.
    /// </summary>
    public static bool HasControlCharacter(string? text) =>
        text is not null && text.Any(c => c is (< ' ' and not ('\t' or '\r' or '\n')) or '\u007f');
}
