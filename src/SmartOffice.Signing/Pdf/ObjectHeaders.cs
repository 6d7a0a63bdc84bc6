namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Finds text shaped like an object header ("12 0 obj") where none may be: inside stream data or a comment.
/// A reader that rebuilds a damaged file's cross-reference by searching for headers would find it there.
/// </summary>
internal static class ObjectHeaders
{
    /// <summary>Offset of the first header-shaped text in <paramref name="data"/>, or null.</summary>
    public static int? Find(ReadOnlySpan<byte> data)
    {
        var from = 0;
        while (from < data.Length)
        {
            var found = data[from..].IndexOf("obj"u8);
            if (found < 0)
            {
                return null;
            }

            var at = from + found;
            from = at + 3;
            if (from < data.Length && !PdfParser.IsWhitespace(data[from]) && !PdfParser.IsDelimiter(data[from]))
            {
                continue;
            }

            if (HeaderStart(data, at) is { } start)
            {
                return start;
            }
        }

        return null;
    }

    // Walks back over "<digits> <digits> " before "obj"; the first digit must start a token.
    private static int? HeaderStart(ReadOnlySpan<byte> data, int keyword)
    {
        var i = keyword;
        for (var part = 0; part < 2; part++)
        {
            var spaces = i;
            while (i > 0 && PdfParser.IsWhitespace(data[i - 1]))
            {
                i--;
            }

            if (i == spaces)
            {
                return null;
            }

            var digits = i;
            while (i > 0 && data[i - 1] is >= (byte)'0' and <= (byte)'9')
            {
                i--;
            }

            if (i == digits)
            {
                return null;
            }
        }

        return i == 0 || PdfParser.IsWhitespace(data[i - 1]) || PdfParser.IsDelimiter(data[i - 1]) ? i : null;
    }
}
