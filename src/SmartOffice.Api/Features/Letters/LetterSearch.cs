using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The query side of letter search for the inbox and the sent letters: every query word must match the start of a word
/// in <c>Letter.SearchText</c> by its stem or as written (see <see cref="LetterSearchText"/>), found through the
/// database's full-text index (<see cref="PostgresLetterTextIndex"/>, <see cref="SqliteLetterTextIndex"/>), so a
/// search costs an index lookup rather than a scan of every letter's text. The listings restrict to the caller's own
/// letters first, so the text of a letter is only ever searched by those who may read it.
/// </summary>
internal static class LetterSearch
{
    /// <summary>
    /// The query lower-cased with Latin letters as Cyrillic, for the plain substring matches on names.
    /// </summary>
    public static string Cyrillic(string query) => MongolianSearch.Transliterate(query.ToLowerInvariant());

    /// <summary>
    /// <paramref name="matches"/> (the caller's own conditions: numbers, names) or all query words in the text of
    /// the row's letter; a query of no words matches nothing more than <paramref name="matches"/>.
    /// </summary>
    public static Expression<Func<T, bool>> OrWords<T>(
        ExchangeDbContext db,
        Expression<Func<T, bool>> matches,
        Expression<Func<T, Guid>> letterId,
        string query
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(letterId);
        var patterns = LetterSearchText.QueryKeys(query);
        if (patterns.Count == 0)
        {
            return matches;
        }

        var found = LettersMatching(db, patterns);
        var row = matches.Parameters[0];
        var id = ReplacingExpressionVisitor.Replace(letterId.Parameters[0], row, letterId.Body);
        var contains = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Contains),
            [typeof(Guid)],
            found.Expression,
            id
        );
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(matches.Body, contains), row);
    }

    /// <summary>The ids of letters whose text has every word (by stem or as written) at the start of a word.</summary>
    private static IQueryable<Guid> LettersMatching(
        ExchangeDbContext db,
        IReadOnlyList<(string Stem, string Word)> patterns
    )
    {
        if (db.IsSqlite)
        {
            // FTS5: "stem"* is a prefix query on a token; keys hold only letters and digits, so quoting is all needed.
            var match = string.Join(
                " AND ",
                patterns.Select(p => p.Stem == p.Word ? $"\"{p.Stem}\"*" : $"(\"{p.Stem}\"* OR \"{p.Word}\"*)")
            );
            return db.Database.SqlQuery<Guid>(
                $"""
                SELECT l."Id" AS "Value" FROM "Letters" l WHERE l.rowid IN
                (SELECT rowid FROM "LetterSearchIndex" WHERE "LetterSearchIndex" MATCH {match})
                """
            );
        }

        var tsquery = string.Join(
            " & ",
            patterns.Select(p => p.Stem == p.Word ? $"{p.Stem}:*" : $"({p.Stem}:* | {p.Word}:*)")
        );
        // PostgresLetterTextIndex: the stored words are not in the EF model, so letters load without them.
        return db.Database.SqlQuery<Guid>(
            $"""
            SELECT "Id" AS "Value" FROM "Letters" WHERE "SearchWords" @@ to_tsquery('simple'::regconfig, {tsquery})
            """
        );
    }
}
