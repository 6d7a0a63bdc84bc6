using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SmartOffice.Api.Web;

/// <summary>
/// The workspace's words in Mongolian (first) and English, read from the JSON files embedded from Localization/
/// (one pair per screen, "area.mn.json" and "area.en.json", flat keys). JSON rather than .resx so translators edit
/// plain text and each screen owns its file; a test checks both languages have every key.
/// </summary>
public sealed class UiText
{
    public const string Mongolian = "mn";
    public const string English = "en";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _languages;

    public UiText()
    {
        var assembly = typeof(UiText).Assembly;
        var languages = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            [Mongolian] = new(StringComparer.Ordinal),
            [English] = new(StringComparer.Ordinal),
        };
        foreach (
            var name in assembly
                .GetManifestResourceNames()
                .Where(n =>
                    n.Contains(".Localization.", StringComparison.Ordinal)
                    && n.EndsWith(".json", StringComparison.Ordinal)
                )
        )
        {
            var language = name[..^".json".Length].Split('.')[^1];
            if (!languages.TryGetValue(language, out var words))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                if (!words.TryAdd(key, value))
                {
                    throw new InvalidOperationException(
                        $"The key '{key}' is defined twice for '{language}' (second time in {name})."
                    );
                }
            }
        }

        _languages = languages.ToFrozenDictionary(
            l => l.Key,
            l => l.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal
        );
    }

    /// <summary>
    /// The word for the current UI culture; Mongolian when English lacks it; the key itself when both lack it (a test
    /// catches that).
    /// </summary>
    public string this[string key] => Get(CurrentLanguage, key);

    /// <summary>A phrase with placeholders {0}, {1}… filled in the current culture.</summary>
    public string Format(string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, this[key], arguments);

    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : Mongolian;

    public IReadOnlyCollection<string> Keys(string language) => _languages[language].Keys;

    /// <summary>Whether either language has <paramref name="key"/>.</summary>
    public bool Has(string key) => _languages[Mongolian].ContainsKey(key) || _languages[English].ContainsKey(key);

    public string Get(string language, string key) =>
        _languages.TryGetValue(language, out var words) && words.TryGetValue(key, out var word) ? word
        : _languages[Mongolian].TryGetValue(key, out var mongolian) ? mongolian
        : key;
}
