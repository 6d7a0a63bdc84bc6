using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Hosting;

return await StartupFailure.RunAsync(async () =>
{
    // The web root sits beside the binaries (copied at build), so `dotnet run` from any folder serves the workspace's
    // files.
    var builder = WebApplication.CreateBuilder(
        new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") }
    );
    builder.AddSmartOfficeApi();

    var app = builder.Build();
    await app.PrepareAsync();
    app.MapSmartOfficeApi();
    await app.RunAsync();
});

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
