using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The organization directory: loaded idempotently from the seed file, searchable by Mongolian name or number.
/// </summary>
[TestClass]
public sealed class DirectoryTests
{
    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Finds_agencies_by_a_mongolian_name_fragment_in_any_case_and_by_number(string provider)
    {
        var factory = Factories.Shared(provider);
        using var session = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);

        var byName = await session.GetJsonAsync("/api/organizations?query=%D0%A5%D0%90%D0%9D-%D0%A3%D0%A3%D0%9B");
        var byNumber = await session.GetJsonAsync("/api/organizations?query=901100");

        Assert.IsTrue(
            byName
                .GetProperty("items")
                .EnumerateArray()
                .Any(o => o.GetProperty("registryNumber").GetString() == "9012001"),
            byName.ToString()
        );
        Assert.IsGreaterThanOrEqualTo(9, byNumber.GetProperty("total").GetInt32());
    }

    [TestMethod]
    [DataRow("Sqlite")]
    [DataRow("Postgres")]
    public async Task Loading_the_seed_file_again_adds_nothing(string provider)
    {
        var factory = Factories.Shared(provider);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var before = await db.Organizations.CountAsync();

        var changed = await DirectorySeeder.SeedAsync(
            db,
            Path.Combine(AppContext.BaseDirectory, "samples", "directory.csv"),
            DateTimeOffset.UtcNow,
            CancellationToken.None
        );

        Assert.AreEqual(0, changed);
        Assert.AreEqual(before, await db.Organizations.CountAsync());
    }
}
