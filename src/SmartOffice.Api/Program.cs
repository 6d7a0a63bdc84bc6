using SmartOffice.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddSmartOfficeApi();

var app = builder.Build();
await app.PrepareAsync();
app.MapSmartOfficeApi();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
