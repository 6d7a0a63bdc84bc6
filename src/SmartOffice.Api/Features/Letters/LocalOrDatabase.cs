using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Runs a query in the database when it is a database query, else in memory: the inbox applies the same tab, cursor
/// and order expressions to a search's matches read once (see <see cref="ReceivedLetters"/>) as to the database.
/// </summary>
internal static class LocalOrDatabase
{
    public static Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query is IAsyncEnumerable<T> ? query.ToListAsync(cancellationToken) : Task.FromResult(query.ToList());

    public static Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query is IAsyncEnumerable<T> ? query.CountAsync(cancellationToken) : Task.FromResult(query.Count());

    public static Task<T> FirstAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query is IAsyncEnumerable<T> ? query.FirstAsync(cancellationToken) : Task.FromResult(query.First());
}
