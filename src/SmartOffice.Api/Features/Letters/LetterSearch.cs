using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The query side of letter search for the inbox and the sent letters. Each way a letter can match is a set of letter
/// ids found through an index of its own: every query word at the start of a word of <c>Letter.SearchText</c> by its
/// stem or as written (see <see cref="LetterSearchText"/>) through the database's full-text index
/// (<see cref="PostgresLetterTextIndex"/>, <see cref="SqliteLetterTextIndex"/>); the caller's own sets (names,
/// numbers); and the subject of the few letters still waiting for their keys. The listings take the UNION of these
/// sets and join only those letters to their own, so the text of a letter is only ever listed to those who may read
/// it, and a search costs what its matches cost rather than a pass over every letter.
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
        var matching = others.Union(withoutKeys);
        return Words(db, LetterSearchText.QueryKeys(q), Fit.Prefix, subject: false) is { } words
            ? words.Union(matching)
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

        // The query is written into the statement rather than passed as a parameter: the planner then knows how many
        // letters it finds (a prepared statement's generic plan would guess) and picks the join for that many.
        var suffix = fit == Fit.Prefix ? ":*" : "";
        var tsquery = string.Join(
            " & ",
            alternatives.Select(a => "(" + string.Join(" | ", a.Select(p => Literal(p) + suffix)) + ")")
        );
        // Sanitized: Literal admits letters and digits only.
#pragma warning disable EF1003
        return db.Database.SqlQueryRaw<Guid>(
            $"SELECT \"LetterId\" AS \"Value\" FROM \"{PostgresLetterTextIndex.Table}\" "
                + $"WHERE \"Words\" @@ '{tsquery}'::tsquery"
        );
#pragma warning restore EF1003
    }

    // Keys come from MongolianSearch.Words: letters and digits only, so they need no quoting; checked all the same.
    private static string Literal(string key) =>
        key.All(char.IsLetterOrDigit)
            ? key
            : throw new ArgumentException("a search key is letters and digits", nameof(key));
}
