using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (it answers "invalid byte sequence for encoding UTF8: 0x00"); SQLite can. Every
/// command's text parameters are checked before it runs, on both databases, so such input from any form, query string
/// or JSON body is refused the same way everywhere (<see cref="NulCharacterException"/>, a validation problem) instead
/// of failing as a database error on PostgreSQL only.
/// </summary>
public sealed class NulCharacterGuard : DbCommandInterceptor
{
    public static NulCharacterGuard Instance { get; } = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result
    ) => Checked(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Checked(command, result));

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result
    ) => Checked(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Checked(command, result));

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result
    ) => Checked(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Checked(command, result));

    private static T Checked<T>(DbCommand command, T result)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (DbParameter parameter in command.Parameters)
        {
            // Lists of text (an IN over registry numbers) count; other arrays (the Guid lists of a delivery batch) are
            // not walked.
            if (
                parameter.Value is string text
                    ? text.Contains('\0', StringComparison.Ordinal)
                    : parameter.Value is IEnumerable<string> texts
                        && texts.Any(t => t.Contains('\0', StringComparison.Ordinal))
            )
            {
                throw new NulCharacterException();
            }
        }

        return result;
    }
}

/// <summary>Text that contains U+0000, which the database cannot store or compare.</summary>
public sealed class NulCharacterException() : Exception("text must not contain the NUL character (U+0000)");
