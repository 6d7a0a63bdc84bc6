using System.Net.Sockets;
using SmartOffice.Exchange.Faults;

namespace SmartOffice.Exchange.Tests;

/// <summary>Which faults a delivery waits out (retried until they heal) and which send it to the error queue.</summary>
[TestClass]
public sealed class TransientFaultsTests
{
    [TestMethod]
    public void Infrastructure_faults_are_waited_out()
    {
        Assert.IsTrue(
            TransientFaults.Is(
                new Npgsql.NpgsqlException(
                    "connection refused",
                    new SocketException((int)SocketError.ConnectionRefused)
                )
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
}
