using SmartOffice.Exchange.Hosting;

namespace SmartOffice.Worker;

/// <summary>`dotnet run --project src/SmartOffice.Worker`: the delivery worker on RabbitMQ and PostgreSQL.</summary>
internal static class WorkerProgram
{
    public static Task<int> Main(string[] args) =>
        StartupFailure.RunAsync(async () =>
        {
            var app = WorkerHost.Build(args);
            await WorkerHost.PrepareAsync(app);
            await app.RunAsync();
        });
}
