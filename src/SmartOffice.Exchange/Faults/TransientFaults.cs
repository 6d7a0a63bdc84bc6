using System.Net.Sockets;

namespace SmartOffice.Exchange.Faults;

/// <summary>
/// Faults of the infrastructure that heal by themselves: the database unreachable or failing over, a lost connection,
/// a full or failing disk. A delivery that meets one is tried again for as long as it takes, never dead-lettered; a
/// request that meets one is told so (503, 507) instead of being answered as a bug.
/// </summary>
public static class TransientFaults
{
    // ENOSPC on Linux, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] DiskFullCodes = [28, 0x70, 0x27];

    public static bool Is(Exception exception) =>
        IsDiskFull(exception) || IsDatabaseUnreachable(exception) || Chain(exception).Any(e => e is IOException);

    public static bool IsDiskFull(Exception exception) =>
        Chain(exception)
            .Any(e =>
                e is IOException io
                    && (
                        DiskFullCodes.Contains(io.HResult & 0xFFFF)
                        || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
                    )
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }
            );

    public static bool IsDatabaseUnreachable(Exception exception) =>
        Chain(exception)
            .Any(e =>
                e
                    is Npgsql.NpgsqlException { IsTransient: true }
                        or SocketException
                        or TimeoutException
                        or Npgsql.PostgresException
                        {
                            SqlState: "57P01"
                                or "57P02"
                                or "57P03"
                                or "53300"
                                or "08000"
                                or "08003"
                                or "08006"
                                or "40001"
                                or "40P01"
                        }
                        or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException
                        or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
            );

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
