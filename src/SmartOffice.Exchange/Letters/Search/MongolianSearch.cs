using System.Text;

namespace SmartOffice.Exchange.Letters.Search;

/// <summary>
/// Turns Mongolian text (Cyrillic, or Latin as people type it) into search keys, the same way for the stored letter and
/// for the query, so that a case form finds its base word: "барилга" and "барилгын" both give "барилг", "гэрэлтүүлэг"
/// and "гэрэлтүүлгийн" both give "гэрэлтуулг", "zasag" and "Засгийн" both give "засг".
/// </summary>
/// <remarks>
/// Steps, each applied to stored text and query alike so that their mistakes cancel out:
/// <list type="number">
/// <item>Lower case; Latin letters transliterated to Cyrillic (table below); anything but letters and digits splits
/// words.</item>
/// <item>Folding of letters that Latin typing cannot tell apart: ү→у, ө→о, ё→е, й→и; ь and ъ dropped.</item>
/// <item>Stem: up to two case or plural endings removed (genitive -ын/-ийн/-ний, accusative -ыг/-ийг, ablative -аас…,
/// instrumental -аар…, comitative -тай…, directional -руу/-луу, plural -ууд…, dative -д/-т), a final vowel removed,
/// then the fluid vowel of the last syllable removed (засаг → засг, as in засгийн; гэрэлтүүлэг → гэрэлтүүлг).</item>
/// </list>
/// Latin → Cyrillic (MNS 5217 and the common informal forms): kh, h, x → х; ts, c → ц; ch → ч; sh → ш; ya → я; yu → ю;
/// ye → е; yo, ë → ё; ue, ü → ү; oe, ö → ө; a → а; b → б; v, w → в; g → г; d → д; e → э; j → ж; z → з; i → и (й after a
/// vowel, so "ai" → "ай"); y → ы; k, q → к; l → л; m → м; n → н; o → о; p → п; r → р; s → с; t → т; u → у; f → ф.
/// Stemming is deliberately rough: a key that over-reaches finds a few extra letters, which is what a search may do;
/// a key that under-reaches hides a letter, which it may not.
/// </remarks>
public static class MongolianSearch
{
    private const int MinimumStem = 3;

    private static readonly (string Latin, string Cyrillic)[] Digraphs =
    [
        ("kh", "х"),
        ("ts", "ц"),
        ("ch", "ч"),
        ("sh", "ш"),
        ("ya", "я"),
        ("yu", "ю"),
        ("ye", "е"),
        ("yo", "ё"),
        ("ue", "ү"),
        ("oe", "ө"),
    ];

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['a'] = "а",
        ['b'] = "б",
        ['c'] = "ц",
        ['d'] = "д",
        ['e'] = "э",
        ['f'] = "ф",
        ['g'] = "г",
        ['h'] = "х",
        ['i'] = "и",
        ['j'] = "ж",
        ['k'] = "к",
        ['l'] = "л",
        ['m'] = "м",
        ['n'] = "н",
        ['o'] = "о",
        ['p'] = "п",
        ['q'] = "к",
        ['r'] = "р",
        ['s'] = "с",
        ['t'] = "т",
        ['u'] = "у",
        ['v'] = "в",
        ['w'] = "в",
        ['x'] = "х",
        ['y'] = "ы",
        ['z'] = "з",
        ['ü'] = "ү",
        ['ö'] = "ө",
        ['ë'] = "ё",
    };

    // In folded form (ү→у, ө→о, й→и: "-ийн" is "иин", "-тэй" is "тэи"); longer endings first so the longest wins.
    private static readonly string[] Endings =
    [
        "иинхан",
        "нуудын",
        "нуудаас",
        "уудын",
        "уудаас",
        "уудыг",
        "уудад",
        "нууд",
        "чууд",
        "гаар",
        "гээр",
        "гоор",
        "гаас",
        "гээс",
        "гоос",
        "иин",
        "нии",
        "ииг",
        "иар",
        "иас",
        "иос",
        "аас",
        "ээс",
        "оос",
        "аар",
        "ээр",
        "оор",
        "таи",
        "тэи",
        "тои",
        "руу",
        "луу",
        "ууд",
        "ын",
        "ыг",
        "ад",
        "эд",
        "од",
        "ид",
        "аа",
        "ээ",
        "оо",
    ];

    // One-letter dative endings, removed only from longer words: "хот" keeps its т, "засагт" loses it.
    private static readonly string[] SingleEndings = ["д", "т"];

    private const string Vowels = "аэиоуыеяю";

    /// <summary>
    /// The words of <paramref name="text"/>, lower case, Latin transliterated, letters folded; no stemming.
    /// </summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                var folded = Fold(Transliterate(word.ToString()));
                if (folded.Length > 0)
                {
                    words.Add(folded);
                }

                word.Clear();
            }
        }
    }

    /// <summary>Latin letters of one lower-case word to Cyrillic; Cyrillic letters and digits pass unchanged.</summary>
    public static string Transliterate(string word)
    {
        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var pair = i + 1 < word.Length ? word.Substring(i, 2) : null;
            var digraph = Array.Find(Digraphs, d => d.Latin == pair);
            if (digraph.Cyrillic is not null)
            {
                result.Append(digraph.Cyrillic);
                i++;
            }
            else if (
                word[i] == 'i'
                && result.Length > 0
                && "аэиоуөүыяеёю".Contains(result[^1], StringComparison.Ordinal)
            )
            {
                result.Append('й');
            }
            else
            {
                result.Append(Letters.TryGetValue(word[i], out var cyrillic) ? cyrillic : word[i].ToString());
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The search key of one word from <see cref="Words"/>: its stem, or the word itself when it is a number or short.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= MinimumStem || word.Any(char.IsDigit))
        {
            return word;
        }

        var stem = word;
        for (var round = 0; round < 2; round++)
        {
            var ending = Array.Find(Endings, e =>
                stem.Length >= e.Length + MinimumStem && stem.EndsWith(e, StringComparison.Ordinal)
            )
                ?? Array.Find(SingleEndings, e =>
                    stem.Length >= MinimumStem + 2 && stem.EndsWith(e, StringComparison.Ordinal)
                );
            if (ending is null)
            {
                break;
            }

            stem = stem[..^ending.Length];
        }

        if (stem.Length > MinimumStem + 1 && IsVowel(stem[^1]))
        {
            stem = stem[..^1];
        }

        // The fluid vowel: the last syllable's vowel drops before an ending (засаг → засгийн, гэрэлтүүлэг →
        // гэрэлтүүлгийн).
        if (stem.Length > MinimumStem && !IsVowel(stem[^1]) && IsVowel(stem[^2]) && !IsVowel(stem[^3]))
        {
            stem = stem[..^2] + stem[^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    private static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (c)
            {
                case 'ү':
                    folded.Append('у');
                    break;
                case 'ө':
                    folded.Append('о');
                    break;
                case 'ё':
                    folded.Append('е');
                    break;
                case 'й':
                    folded.Append('и');
                    break;
                case 'ь' or 'ъ':
                    break;
                default:
                    folded.Append(c);
                    break;
            }
        }

        return folded.ToString();
    }
}
