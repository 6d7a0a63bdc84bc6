namespace SmartOffice.Exchange.Letters.Search;

/// <summary>
/// The search column of a letter and the patterns a query matches it with. The column is " key key … ": every distinct
/// word and its stem (<see cref="MongolianSearch"/>), space-delimited so that a query word matches the start of a word
/// through each database's full-text index (a prefix query on a token). Words as written are kept besides stems so
/// a half-typed word ("барил") still finds "барилгын".
/// </summary>
public static class LetterSearchText
{
    /// <summary>Bound on the column: subject and reference come first, so a long body is what gets cut.</summary>
    public const int MaxLength = 16_000;

    /// <summary>At most this many query words count; a pasted paragraph should not become a hundred LIKEs.</summary>
    public const int MaxQueryWords = 8;

    public static string Build(params string?[] parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new System.Text.StringBuilder(" ");
        foreach (var word in parts.SelectMany(MongolianSearch.Words))
        {
            foreach (var key in new[] { MongolianSearch.Stem(word), word })
            {
                if (text.Length + key.Length + 1 > MaxLength)
                {
                    return text.ToString();
                }

                if (seen.Add(key))
                {
                    text.Append(key).Append(' ');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// For each query word, the keys of which one must start a word of the text: its stem, and the word as written.
    /// Keys hold only letters and digits, so they carry no wildcard or full-text operator.
    /// </summary>
    public static IReadOnlyList<(string Stem, string Word)> QueryKeys(string? query) =>
        [.. MongolianSearch.Words(query).Distinct().Take(MaxQueryWords).Select(w => (MongolianSearch.Stem(w), w))];
}
