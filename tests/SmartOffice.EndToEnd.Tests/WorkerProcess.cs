using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Worker;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// A Worker on RabbitMQ and the Api factory's database, with its own HTTP port (health, error queue).
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkerProcess(WebApplication app) => _app = app;

    public const string AdminKey = "test-admin-key-of-the-worker";

    public Uri Address { get; private set; } = null!;

    public static async Task<WorkerProcess> StartAsync(ApiFactory api)
    {
        var settings = new Dictionary<string, string?>(Broker.Settings)
        {
            ["Database:Provider"] = api.Provider,
            ["ConnectionStrings:SmartOffice"] = api.ConnectionString,
            ["Seal:CertificatePath"] = Path.Combine(TestPki.Folder, "p12", "seal.p12"),
            ["Seal:Password"] = "demo",
            ["Archive:Path"] = Path.Combine(api.DataPath, "archive"),
            ["urls"] = "http://127.0.0.1:0",
            ["Worker:AdminKey"] = AdminKey,
        };
        var app = WorkerHost.Build([], settings);
        await WorkerHost.PrepareAsync(app);
        await app.StartAsync();
        var worker = new WorkerProcess(app);
        worker.Address = new Uri(
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        );
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
