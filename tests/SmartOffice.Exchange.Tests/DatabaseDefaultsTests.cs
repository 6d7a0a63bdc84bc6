using Npgsql;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Tests;

/// <summary>
/// PostgreSQL connections prepare statements and keep their session, unless the operator's connection string says
/// otherwise.
/// </summary>
[TestClass]
public sealed class DatabaseDefaultsTests
{
    [TestMethod]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset_on_close()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            DatabaseRegistration.WithPostgresDefaults("Host=db;Database=smartoffice;Username=app")
        );
        Assert.AreEqual(64, builder.MaxAutoPrepare);
        Assert.AreEqual(2, builder.AutoPrepareMinUsages);
        Assert.IsTrue(builder.NoResetOnClose);
        Assert.AreEqual("db", builder.Host);
    }

    [TestMethod]
    [DataRow("Max Auto Prepare=0;No Reset On Close=false")]
    [DataRow("MaxAutoPrepare=0;NoResetOnClose=false")]
    public void What_the_operator_set_is_kept(string settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(
            DatabaseRegistration.WithPostgresDefaults($"Host=db;Database=smartoffice;{settings}")
        );
        Assert.AreEqual(0, builder.MaxAutoPrepare);
        Assert.IsFalse(builder.NoResetOnClose);
    }
}
