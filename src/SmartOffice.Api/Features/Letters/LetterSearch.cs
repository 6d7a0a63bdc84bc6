using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SmartOffice.Exchange.Letters.Search;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The query side of letter search for the inbox and the sent letters: every query word must match the start of a word
/// in <c>Letter.SearchText</c> by its stem or as written (see <see cref="LetterSearchText"/>). The listings restrict
/// to the caller's own letters first, so the text of a letter is only ever searched by those who may read it.
/// </summary>
internal static class LetterSearch
{
    /// <summary>
    /// The query lower-cased with Latin letters as Cyrillic, for the plain substring matches on names.
    /// </summary>
    public static string Cyrillic(string query) => MongolianSearch.Transliterate(query.ToLowerInvariant());

    /// <summary>
    /// <paramref name="matches"/> (any of the caller's own conditions: numbers, names) or all query words in the row's
    /// search text; a query of no words matches nothing more than <paramref name="matches"/>.
    /// </summary>
    public static Expression<Func<T, bool>> OrWords<T>(
        Expression<Func<T, bool>> matches,
        Expression<Func<T, string>> searchText,
        string query
    )
    {
        var patterns = LetterSearchText.QueryPatterns(query);
        if (patterns.Count == 0)
        {
            return matches;
        }

        var row = matches.Parameters[0];
        var text = ReplacingExpressionVisitor.Replace(searchText.Parameters[0], row, searchText.Body);
        var like = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string)]
        )!;
        var functions = Expression.Property(null, typeof(EF).GetProperty(nameof(EF.Functions))!);

        // Patterns go in as captured values, as a lambda's closure would, so the database sees parameters: one cached
        // plan per word count rather than one per query typed.
        Expression Like(string pattern) =>
            Expression.Call(
                like,
                functions,
                text,
                Expression.Property(Expression.Constant(new Captured(pattern)), nameof(Captured.Value))
            );

        Expression all = Expression.Constant(true);
        foreach (var (stem, word) in patterns)
        {
            Expression either = stem == word ? Like(stem) : Expression.OrElse(Like(stem), Like(word));
            all = Expression.AndAlso(all, either);
        }

        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(matches.Body, all), row);
    }

    private sealed record Captured(string Value);
}
