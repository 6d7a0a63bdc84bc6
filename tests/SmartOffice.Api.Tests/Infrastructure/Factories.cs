using System.Collections.Concurrent;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// One running Api per provider shared by the tests (each test uses its own letters, so they do not collide).
/// </summary>
internal static class Factories
{
    private static readonly ConcurrentDictionary<string, Lazy<ApiFactory>> s_shared = new();

    public static ApiFactory Shared(string provider)
    {
        ApiFactory.RequireProvider(provider);
        var factory = s_shared.GetOrAdd(provider, p => new Lazy<ApiFactory>(() => new ApiFactory(p))).Value;
        _ = factory.Server;
        return factory;
    }
}
