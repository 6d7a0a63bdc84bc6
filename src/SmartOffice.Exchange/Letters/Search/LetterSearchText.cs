namespace SmartOffice.Exchange.Letters.Search;

/// <summary>
/// The search column of a letter and the patterns a query matches it with. The column is " key key … ": every distinct
/// word and its stem (<see cref="MongolianSearch"/>), space-delimited so that a query word matches the start of a word
/// through each database's full-text index (a prefix query on a token). Words as written are kept besides stems so
/// a half-typed word ("барил") still finds "барилгын"; a stem that starts its word is left out, since any prefix of
/// it also starts the word. The subject's keys are there a second time behind
/// <see cref="SubjectMark"/>, so that ranking can ask the same index whether a query is in the subject.
/// </summary>
public static class LetterSearchText
{
    /// <summary>Bound on the column: subject and reference come first, so a long body is what gets cut.</summary>
    public const int MaxLength = 16_000;

    /// <summary>
    /// Longer keys (a subject's mark included) are not stored: no word is this long, but a PDF's text may hold a run
    /// of letters without spaces (an encoded blob), and an index entry has a size limit (PostgreSQL's B-tree about
    /// 2.7 KB).
    /// </summary>
    public const int MaxKeyLength = 100;

    /// <summary>At most this many query words count; a pasted paragraph should not become a hundred LIKEs.</summary>
    public const int MaxQueryWords = 8;

    /// <summary>
    /// Starts the subject's second keys. Folding removes ъ from every word, so no other key starts with it and a query
    /// key never matches a marked one by accident.
    /// </summary>
    public const string SubjectMark = "ъ";

    /// <summary>The keys of a letter: its subject's (also marked), then those of the other parts in order.</summary>
    public static string Build(string? subject, params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var subjectWords = MongolianSearch.Words(subject);
        var keys = subjectWords
            .SelectMany(StoredKeys)
            .Concat(subjectWords.SelectMany(WholeKeys).Select(k => SubjectMark + k))
            .Concat(parts.SelectMany(MongolianSearch.Words).SelectMany(StoredKeys));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new System.Text.StringBuilder(" ");
        foreach (var key in keys)
        {
            if (text.Length + key.Length + 1 > MaxLength)
            {
                break;
            }

            if (key.Length <= MaxKeyLength && seen.Add(key))
            {
                text.Append(key).Append(' ');
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

    /// <summary>
    /// The prefixes one of which must start a key for <paramref name="key"/>: the stem alone when the word starts with
    /// it (every key the word starts then also starts with the stem), else both.
    /// </summary>
    public static IReadOnlyList<string> Prefixes((string Stem, string Word) key) =>
        key.Word.StartsWith(key.Stem, StringComparison.Ordinal) ? [key.Stem] : [key.Stem, key.Word];

    private static string[] WholeKeys(string word) => [MongolianSearch.Stem(word), word];

    // A prefix that starts the stem also starts a word that starts with its stem: such a word needs no stem key.
    private static string[] StoredKeys(string word) =>
        MongolianSearch.Stem(word) is var stem && word.StartsWith(stem, StringComparison.Ordinal)
            ? [word]
            : [stem, word];
}
