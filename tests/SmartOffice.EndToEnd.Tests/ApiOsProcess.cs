using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// The Api as a real operating-system process, the way it is deployed (Production environment, demo PKI trusted for
/// the test letters), on a free local port. Its last log lines are kept to explain a failure.
/// </summary>
internal sealed class ApiOsProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private ApiOsProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string LastLines => string.Join('\n', _lastLines);

    /// <summary>
    /// An Api on PostgreSQL <paramref name="connectionString"/>; instances given the same folder share archive and
    /// keys.
    /// </summary>
    public static ApiOsProcess Start(
        string connectionString,
        string sharedFolder,
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "SmartOffice.Api.dll"), "--urls", address.ToString()]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:SmartOffice"] = connectionString,
            ["Data:Path"] = Directory.CreateTempSubdirectory("smartoffice-api-data-").FullName,
            ["Archive:Path"] = Path.Combine(sharedFolder, "archive"),
            ["DataProtection:KeysPath"] = Path.Combine(sharedFolder, "keys"),
            ["Signing:TrustDir"] = Path.Combine(TestPki.Folder, "trust"),
            ["Signing:CrlDir"] = Path.Combine(TestPki.Folder, "crl"),
            ["Seal:CertificatePath"] = Path.Combine(TestPki.Folder, "p12", "seal.p12"),
            ["Seal:Password"] = "demo",
            ["Demo:Enabled"] = "true",
            ["Demo:SeedUsers"] = "true",
            // Every instance must accept the others' tokens.
            ["Auth:SigningKey"] = Convert.ToBase64String(
                new byte[32]
                    .Select((_, i) => (byte)(i + 1))
                    .ToArray()
            ),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var api = new ApiOsProcess(Process.Start(info)!, address);
        api._process.OutputDataReceived += (_, line) => api.Keep(line.Data);
        api._process.ErrorDataReceived += (_, line) => api.Keep(line.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        return api;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Waits until /health/ready answers 200 (a cold start migrates the database and seeds the demo users).
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(_process.HasExited, $"the Api at {Address} exited:\n{LastLines}");
            try
            {
                var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the Api at {Address} was not ready within {timeout.TotalSeconds} s: {last}\n{LastLines}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lastLines.Enqueue(line);
        while (_lastLines.Count > 40)
        {
            _lastLines.TryDequeue(out _);
        }
    }
}
