using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The query side of letter search for the inbox and the sent letters. Each way a letter can match is a set of letter
/// ids found through an index of its own: every query word at the start of a word of <c>Letter.SearchText</c> by its
/// stem or as written (see <see cref="LetterSearchText"/>) through the database's search index
/// (<see cref="PostgresLetterKeyIndex"/>, <see cref="SqliteLetterTextIndex"/>); the caller's own sets (names,
/// numbers); and the subject of the few letters still waiting for their keys. The listings take these sets together
/// (duplicates and all, since they only test membership) and join only those letters to their own, so the text of a
/// letter is only ever listed to those who may read it, and a search costs what its matches cost rather than a pass
/// over every letter.
/// </summary>
internal static class LetterSearch
{
    /// <summary>
    /// The query lower-cased with Latin letters as Cyrillic, for the plain substring matches on names.
    /// </summary>
    public static string Cyrillic(string query) => MongolianSearch.Transliterate(query.ToLowerInvariant());

    /// <summary>
    /// The letters that match <paramref name="query"/> by their words or (while they have no keys yet) by subject or
    /// reference as typed, together with <paramref name="others"/> (the caller's matches by name and number).
    /// </summary>
    public static IQueryable<Guid> Matching(ExchangeDbContext db, string query, IQueryable<Guid> others)
    {
        ArgumentNullException.ThrowIfNull(db);
        var q = query.Trim();
        var lowered = q.ToLowerInvariant();
        var withoutKeys = db
            .Letters.Where(l =>
                l.SearchText == ""
                && (l.SubjectSearch.Contains(lowered) || (l.Reference != null && l.Reference.Contains(q)))
            )
            .Select(l => l.Id);
        var matching = others.Concat(withoutKeys);
        return Words(db, LetterSearchText.QueryKeys(q), Fit.Prefix, subject: false) is { } words
            ? words.Concat(matching)
            : matching;
    }

    /// <summary>
    /// The letters whose subject has every query word: as a whole word (the word or its stem exactly) when
    /// <paramref name="fit"/> is <see cref="Fit.Whole"/>, else at the start of a word. Null for a query of no words.
    /// </summary>
    public static IQueryable<Guid>? InSubject(ExchangeDbContext db, string query, Fit fit) =>
        Words(db, LetterSearchText.QueryKeys(query), fit, subject: true);

    /// <summary>How a query word must fit a key of the letter.</summary>
    public enum Fit
    {
        Whole,
        Prefix,
    }

    private static IQueryable<Guid>? Words(
        ExchangeDbContext db,
        IReadOnlyList<(string Stem, string Word)> keys,
        Fit fit,
        bool subject
    )
    {
        if (keys.Count == 0)
        {
            return null;
        }

        var mark = subject ? LetterSearchText.SubjectMark : "";
        var alternatives = keys.Select(k =>
            (fit == Fit.Whole ? [k.Stem, k.Word] : LetterSearchText.Prefixes(k)).Distinct().Select(p => mark + p)
        );
        if (db.IsSqlite)
        {
            // FTS5: "key"* is a prefix query on a token; keys hold only letters and digits, so quoting is all needed.
            var star = fit == Fit.Prefix ? "*" : "";
            var match = string.Join(
                " AND ",
                alternatives.Select(a => "(" + string.Join(" OR ", a.Select(p => $"\"{p}\"{star}")) + ")")
            );
            return db.Database.SqlQuery<Guid>(
                $"""
                SELECT l."Id" AS "Value" FROM "Letters" l WHERE l.rowid IN
                (SELECT rowid FROM "LetterSearchIndex" WHERE "LetterSearchIndex" MATCH {match})
                """
            );
        }

        // The keys are written into the statement rather than passed as parameters: the planner then knows each
        // key's range in the B-tree of keys.
        var overlaps = alternatives.Select(a => PostgresLetterKeyIndex.Overlaps(a, whole: fit == Fit.Whole));
        // Sanitized: Overlaps admits letters and digits only.
#pragma warning disable EF1003
        return db.Database.SqlQueryRaw<Guid>(
            $"SELECT \"LetterId\" AS \"Value\" FROM \"{PostgresLetterKeyIndex.Table}\" "
                + $"WHERE {string.Join(" AND ", overlaps)}"
        );
#pragma warning restore EF1003
    }
}
