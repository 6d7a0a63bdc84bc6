using System.Net.Sockets;
using Npgsql;

namespace SmartOffice.Api.Errors;

/// <summary>Recognizes faults of the machine around the service (a full disk, an unreachable database) in an exception chain.</summary>
internal static class InfrastructureFaults
{
    // ENOSPC on Linux, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] DiskFullCodes = [28, 0x70, 0x27];

    public static bool IsDiskFull(Exception exception) => Chain(exception).Any(e =>
        e is IOException io && (DiskFullCodes.Contains(io.HResult & 0xFFFF) || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 });

    public static bool IsDatabaseUnreachable(Exception exception) => Chain(exception).Any(e =>
        e is NpgsqlException { IsTransient: true } or SocketException
        || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }
        || e is TimeoutException && Chain(exception).Any(x => x is NpgsqlException));

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
