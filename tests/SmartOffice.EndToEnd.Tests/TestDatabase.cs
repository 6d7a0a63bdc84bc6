using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>A fresh PostgreSQL database for services run as OS processes, and the test's own view into it.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Database:Provider"] = DatabaseRegistration.Postgres,
                    ["ConnectionStrings:SmartOffice"] = connectionString,
                }
            )
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddExchangeDatabase()
            .BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public static TestDatabase Create() => new(ApiFactory.CreatePostgresDatabase());

    public async Task<T> QueryAsync<T>(Func<ExchangeDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ExchangeDbContext>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
