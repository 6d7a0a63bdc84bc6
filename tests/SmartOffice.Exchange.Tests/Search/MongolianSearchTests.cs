using SmartOffice.Exchange.Letters.Search;

namespace SmartOffice.Exchange.Tests.Search;

/// <summary>
/// A query finds a letter when every query word's stem or spelling starts a word of the letter's search text; these
/// tests play the database's prefix query on a token of <see cref="LetterSearchText.Build"/> with real Mongolian words.
/// </summary>
[TestClass]
public sealed class MongolianSearchTests
{
    private static bool Finds(string query, string text)
    {
        var stored = LetterSearchText.Build(text);
        var keys = LetterSearchText.QueryKeys(query);
        return keys.Count > 0
            && keys.All(k =>
                stored.Contains(" " + k.Stem, StringComparison.Ordinal)
                || stored.Contains(" " + k.Word, StringComparison.Ordinal)
            );
    }

    [TestMethod]
    [DataRow("барилга", "Барилгын зөвшөөрөл")]
    [DataRow("гэрэлтүүлэг", "Гудамжны гэрэлтүүлгийн ажил")]
    [DataRow("zasag", "Засаг даргын захирамж")]
    [DataRow("zasag", "Засгийн газрын тогтоол")]
    [DataRow("Засаг", "засгийн газрын тогтоол")]
    [DataRow("хурал", "Хурлын тэмдэглэл")]
    [DataRow("сургууль", "Сургуулийн барилга")]
    [DataRow("гэрээ", "Гэрээний төсөл")]
    [DataRow("tosol", "Төслийн санхүүжилт")]
    [DataRow("ulaanbaatar", "Улаанбаатар хотын захиргаа")]
    [DataRow("khot", "Улаанбаатар хотын захиргаа")]
    [DataRow("hot", "Хотод ирсэн")]
    [DataRow("байгууллага", "Байгууллагын бүтэц")]
    [DataRow("ажил", "Ажлын хэсэг")]
    [DataRow("газар", "Газрын харилцааны алба")]
    [DataRow("өдөр", "Өдрийн тайлан")]
    [DataRow("mongol uls", "Монгол Улсын Их Хурал")]
    [DataRow("БАРИЛГА", "барилгад")]
    [DataRow("барил", "Барилгын зөвшөөрөл")]
    [DataRow("tsakhilgaan", "Цахилгааны шугам")]
    [DataRow("aimag", "Аймгийн төв")]
    [DataRow("2026/15", "Албан бичиг 2026/15 дугаартай")]
    public void A_form_of_the_word_finds_the_letter(string query, string text) =>
        Assert.IsTrue(Finds(query, text), $"'{query}' should find '{text}'");

    [TestMethod]
    [DataRow("барилга", "Засгийн газрын тогтоол")]
    [DataRow("zasag", "Засварын ажил")]
    [DataRow("гэрэлтүүлэг", "Гэрээний төсөл")]
    [DataRow("хурал", "Хуваарь")]
    [DataRow("барилга зөвшөөрөл", "Барилгын төсөл")]
    [DataRow("...", "Барилгын төсөл")]
    public void An_other_word_does_not(string query, string text) =>
        Assert.IsFalse(Finds(query, text), $"'{query}' should not find '{text}'");

    [TestMethod]
    [DataRow("барилга", "барилг")]
    [DataRow("барилгын", "барилг")]
    [DataRow("гэрэлтүүлэг", "гэрэлтуулг")]
    [DataRow("гэрэлтүүлгийн", "гэрэлтуулг")]
    [DataRow("засаг", "засг")]
    [DataRow("засгийн", "засг")]
    [DataRow("хот", "хот")]
    public void Stems(string word, string stem) =>
        Assert.AreEqual(stem, MongolianSearch.Stem(MongolianSearch.Words(word)[0]));

    [TestMethod]
    public void Latin_is_transliterated_to_Cyrillic()
    {
        Assert.AreEqual("засаг", MongolianSearch.Transliterate("zasag"));
        Assert.AreEqual("хан", MongolianSearch.Transliterate("khan"));
        Assert.AreEqual("цэцэг", MongolianSearch.Transliterate("tsetseg"));
        Assert.AreEqual("аймаг", MongolianSearch.Transliterate("aimag"));
        Assert.AreEqual("өргөө", MongolianSearch.Transliterate("örgöö"));
    }

    [TestMethod]
    public void The_search_text_is_bounded()
    {
        var body = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"үг{i}"));
        var stored = LetterSearchText.Build("Барилгын зөвшөөрөл", null, body);
        Assert.IsLessThanOrEqualTo(LetterSearchText.MaxLength, stored.Length);
        // The subject first: a word that starts with its stem stands for both; then the subject's marked keys.
        Assert.StartsWith(" барилгын зовшоорл зовшоорол ъбарилг ъбарилгын ", stored);
    }
}
