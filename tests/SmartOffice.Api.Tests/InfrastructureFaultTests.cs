using System.Net.Sockets;
using Npgsql;
using SmartOffice.Exchange.Faults;
using SmartOffice.LetterDelivery;

namespace SmartOffice.Api.Tests;

/// <summary>
/// A full disk and an unreachable database are told apart from bugs, wherever they sit in the exception chain.
/// </summary>
[TestClass]
public sealed class InfrastructureFaultTests
{
    [TestMethod]
    public void A_full_disk_is_storage_full()
    {
        var enospc = new IOException("No space left on device : '/data/archive/tmp/x'", 28);
        Assert.IsTrue(TransientFaults.IsDiskFull(new InvalidOperationException("archiving failed", enospc)));
        Assert.IsFalse(TransientFaults.IsDiskFull(new IOException("file not found", 2)));
    }

    [TestMethod]
    public void An_unreachable_database_is_service_unavailable()
    {
        var refused = new NpgsqlException(
            "Failed to connect to 127.0.0.1:5432",
            new SocketException((int)SocketError.ConnectionRefused)
        );
        Assert.IsTrue(
            TransientFaults.IsDatabaseUnreachable(
                new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", refused)
            )
        );
        Assert.IsFalse(TransientFaults.IsDatabaseUnreachable(new InvalidOperationException("a bug")));
    }
}
