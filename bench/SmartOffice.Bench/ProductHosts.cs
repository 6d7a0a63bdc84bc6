using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SmartOffice.Signing.Pki;
using SmartOffice.Worker;

namespace SmartOffice.Bench;

/// <summary>
/// The product as the delivery benchmarks drive it: the Api (outbox to RabbitMQ) and the Worker (to PostgreSQL and
/// the archive), both hosted in this process on their own Kestrel and host, and a client logged in as a company.
/// </summary>
internal sealed class ProductHosts : IAsyncDisposable
{
    private readonly WebApplication _api;
    private readonly IHost _worker;
    private readonly HttpClient _http;

    private ProductHosts(WebApplication api, IHost worker, HttpClient http, ProductPipeline pipeline)
    {
        _api = api;
        _worker = worker;
        _http = http;
        Pipeline = pipeline;
    }

    public ProductPipeline Pipeline { get; }

    /// <param name="folder">Holds the demo PKI in <c>pki</c> (written by the caller) and the archive.</param>
    public static async Task<ProductHosts> StartAsync(
        DemoPki pki,
        string folder,
        string connectionString,
        DatabaseRoundTrips roundTrips
    )
    {
        var worker = WorkerHost.Build(
            [],
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["Messaging:Transport"] = "RabbitMq",
                ["ConnectionStrings:SmartOffice"] = connectionString,
                ["Seal:CertificatePath"] = Path.Combine(folder, "pki", "p12", "seal.p12"),
                ["Seal:Password"] = "demo",
                ["Archive:Path"] = Path.Combine(folder, "archive"),
                ["urls"] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
            }
        );
        var api = await SubmissionBenchmark.StartApiAsync(
            "http://127.0.0.1:5198",
            folder,
            connectionString,
            new Dictionary<string, string?>
            {
                ["Messaging:Transport"] = "RabbitMq",
                ["Outbox:Enabled"] = "true",
                ["Limits:DuplicateWindowHours"] = "0",
            }
        );
        await WorkerHost.PrepareAsync(worker);
        await worker.StartAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri("http://127.0.0.1:5198"),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            await SubmissionBenchmark.LoginAsync(http, pki.CompanyA)
        );
        return new ProductHosts(api, worker, http, new ProductPipeline(api.Services, http, roundTrips));
    }

    /// <summary>Stops the Worker, then the Api, so that nothing of theirs runs in a later phase.</summary>
    public async Task StopAsync()
    {
        await _worker.StopAsync();
        await _api.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _worker.Dispose();
        await _api.DisposeAsync();
    }
}
