using System.Net;
using System.Net.Sockets;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// The real Api on a real Kestrel port (a browser cannot reach the in-memory test server), SQLite, in-process delivery.
/// </summary>
internal sealed class WorkspaceServer : IDisposable
{
    private WorkspaceServer(ApiFactory factory, Uri address)
    {
        Factory = factory;
        Address = address;
    }

    public ApiFactory Factory { get; }

    public Uri Address { get; }

    public static WorkspaceServer Start(string provider = "Sqlite")
    {
        var factory = new ApiFactory(provider);
        var port = FreePort();
        factory.UseKestrel(port);
        factory.StartServer();
        return new WorkspaceServer(factory, new Uri($"http://127.0.0.1:{port}"));
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public void Dispose() => Factory.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
