using System.Net;
using System.Net.Http.Json;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Security;

/// <summary>Secrets stay the service user's own.</summary>
[TestClass]
public sealed class SecretsAtRestTests
{
    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_token_key_and_the_database_are_readable_by_the_service_user_only()
    {
        using var factory = new ApiFactory("Sqlite", new Dictionary<string, string?> { ["Auth:SigningKey"] = "" });
        using var client = factory.CreateClient();
        Assert.AreEqual(
            HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/auth/login", new { userName = "bichig", password = "demo" })).StatusCode
        );

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.AreEqual(ownerOnly, File.GetUnixFileMode(Path.Combine(factory.DataPath, "token-signing.key")));
        Assert.AreEqual(ownerOnly, File.GetUnixFileMode(Path.Combine(factory.DataPath, "test.db")));
    }
}
