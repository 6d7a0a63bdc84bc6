using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// The real Api in-process on SQLite (a temporary file) or PostgreSQL (a fresh database on the server the test script
/// started; SMARTOFFICE_TEST_POSTGRES). Settings are given per factory so each test class can vary limits.
/// </summary>
internal sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ApiFactory(string provider, IDictionary<string, string?>? overrides = null)
    {
        Provider = provider;
        DataPath = Directory.CreateTempSubdirectory("smartoffice-api-data-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:SmartOffice"] =
                provider == "Postgres" ? CreatePostgresDatabase() : $"Data Source={Path.Combine(DataPath, "test.db")}",
            ["Data:Path"] = DataPath,
            ["Archive:Path"] = Path.Combine(DataPath, "archive"),
            ["Signing:TrustDir"] = Path.Combine(TestPki.Folder, "trust"),
            ["Signing:CrlDir"] = Path.Combine(TestPki.Folder, "crl"),
            ["Seal:CertificatePath"] = Path.Combine(TestPki.Folder, "p12", "seal.p12"),
            ["Seal:Password"] = "demo",
            ["Demo:SeedUsers"] = "true",
            ["Demo:Enabled"] = "true",
            ["Messaging:Transport"] = "InMemory",
            ["Auth:SigningKey"] = Convert.ToBase64String(
                new byte[32]
                    .Select((_, i) => (byte)(i + 1))
                    .ToArray()
            ),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Provider { get; }

    public string DataPath { get; }

    public string ConnectionString => _settings["ConnectionStrings:SmartOffice"]!;

    public static bool IsPostgresAvailable =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES"));

    /// <summary>
    /// PostgreSQL tests run wherever the test script ran; elsewhere they are inconclusive, never silently green.
    /// </summary>
    public static void RequireProvider(string provider)
    {
        if (provider == "Postgres" && !IsPostgresAvailable)
        {
            Assert.Inconclusive("SMARTOFFICE_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        // The test host speaks plain HTTP; outside development the session cookie is otherwise HTTPS-only.
        builder.UseSetting("Workspace:AllowInsecureCookies", "true");
    }

    internal static string CreatePostgresDatabase()
    {
        var admin = Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES")!;
        var name = $"smartoffice_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
