using System.Net.Sockets;
using Npgsql;
using SmartOffice.Exchange.Faults;

namespace SmartOffice.Exchange.Tests;

/// <summary>
/// Which faults a delivery waits out (retried until they heal) and which send it to the error queue; a full disk and an
/// unreachable database are told apart from bugs, wherever they sit in the exception chain.
/// </summary>
[TestClass]
public sealed class TransientFaultsTests
{
    [TestMethod]
    public void Infrastructure_faults_are_waited_out()
    {
        Assert.IsTrue(
            TransientFaults.Is(
                new NpgsqlException("connection refused", new SocketException((int)SocketError.ConnectionRefused))
            )
        );
        Assert.IsTrue(
            TransientFaults.Is(
                new InvalidOperationException("archiving failed", new IOException("No space left on device", 28))
            )
        );
        Assert.IsTrue(
            TransientFaults.Is(
                new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new TimeoutException())
            )
        );
    }

    [TestMethod]
    public void A_missing_letter_or_a_bug_is_not()
    {
        Assert.IsFalse(
            TransientFaults.Is(new KeyNotFoundException($"letter {Guid.NewGuid()} does not exist")),
            "a poison message: no retry heals it"
        );
        Assert.IsFalse(TransientFaults.Is(new ArgumentException("a bug")));
    }

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
