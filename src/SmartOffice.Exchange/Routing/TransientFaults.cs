using System.Net.Sockets;

namespace SmartOffice.Exchange.Routing;

/// <summary>
/// Faults of the infrastructure that heal by themselves: the database unreachable or failing over, a lost connection,
/// a full or failing disk. A delivery that meets one is tried again for as long as it takes, never dead-lettered.
/// </summary>
public static class TransientFaults
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "08000" or "08003" or "08006" or "40001" or "40P01" }:
                case SocketException or TimeoutException or IOException:
                case Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 13 }:
                    return true;
            }
        }

        return false;
    }
}
