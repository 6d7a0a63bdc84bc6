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
    /// <param name="keyIds">The ids of the keys the query's words start, from <see cref="KeyIdsAsync"/>.</param>
    public static Matches Matching(ExchangeDbContext db, string query, IQueryable<Guid> others, KeyIds? keyIds)
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
        var words = keyIds is not null
            ? ByKeyIds(db, keyIds)
            : Words(db, LetterSearchText.QueryKeys(q), Fit.Prefix, subject: false);
        return new Matches(words, matching);
    }

    /// <summary>
    /// A search's letters: those its words find (null for a query of no words) and the others (names, numbers,
    /// letters still without keys). Kept apart so that a listing tests each with its own IN: PostgreSQL then hashes
    /// each set once and checks the listing's rows against it, where one IN over both would be planned as if the
    /// union held a few hundred letters (the number of distinct values of a union is not estimated).
    /// </summary>
    public sealed record Matches(IQueryable<Guid>? ByWords, IQueryable<Guid> Others);

    /// <summary>
    /// For each query word, the ids of the keys it starts (its stem or the word as typed). Null where the database
    /// takes the words themselves (SQLite's FTS5), or when the query has no words.
    /// </summary>
    public sealed record KeyIds(IReadOnlyList<IReadOnlyList<int>> PerWord);

    /// <summary>
    /// Reads the ids of the keys the query's words start, on PostgreSQL, before the search: written into the search's
    /// statement, they let the planner estimate from the index's statistics how many letters match, and so join a
    /// common word's thousands of letters by hash rather than one index probe each.
    /// </summary>
    public static async Task<KeyIds?> KeyIdsAsync(
        ExchangeDbContext db,
        string query,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = LetterSearchText.QueryKeys(query.Trim());
        if (db.IsSqlite || keys.Count == 0)
        {
            return null;
        }

        var prefixes = keys.Select(k => LetterSearchText.Prefixes(k).Distinct()).ToList();
        // Sanitized: KeyIdsOf admits letters and digits only.
#pragma warning disable EF1003
        var rows = await db
            .Database.SqlQueryRaw<KeyIdRow>(PostgresLetterKeyIndex.KeyIdsOf(prefixes))
            .ToListAsync(cancellationToken);
#pragma warning restore EF1003
        var perWord = Enumerable
            .Range(0, prefixes.Count)
            .Select(i => (IReadOnlyList<int>)[.. rows.Where(r => r.Word == i).Select(r => r.Id)])
            .ToList();
        // A word of one or two letters may start tens of thousands of keys: past this, the statement would be long
        // and the estimate no better, so the search reads those ids itself.
        return perWord.Any(ids => ids.Count > MaxWrittenIds) ? null : new KeyIds(perWord);
    }

    private const int MaxWrittenIds = 5_000;

    private sealed record KeyIdRow(int Word, int Id);

    private static IQueryable<Guid> ByKeyIds(ExchangeDbContext db, KeyIds keyIds)
    {
        if (keyIds.PerWord.Any(ids => ids.Count == 0))
        {
            return db.Letters.Where(l => false).Select(l => l.Id);
        }

        var overlaps = keyIds.PerWord.Select(PostgresLetterKeyIndex.OverlapsIds);
        // Sanitized: integers only.
#pragma warning disable EF1003
        return db.Database.SqlQueryRaw<Guid>(
            $"SELECT \"LetterId\" AS \"Value\" FROM \"{PostgresLetterKeyIndex.Table}\" "
                + $"WHERE {string.Join(" AND ", overlaps)}"
        );
#pragma warning restore EF1003
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
