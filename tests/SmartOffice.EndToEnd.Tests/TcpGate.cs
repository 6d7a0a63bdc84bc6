using System.Net;
using System.Net.Sockets;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// A TCP relay in front of a server that can be shut like a network cut: open, it forwards every connection; shut,
/// it drops the connections it carries and refuses new ones, so one process loses its database while the server and
/// every other process go on.
/// </summary>
internal sealed class TcpGate : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _carried = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TcpGate(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    public int Port { get; }

    public void Open()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Shut()
    {
        _stop.Cancel();
        _listener?.Stop();
        lock (_lock)
        {
            foreach (var client in _carried)
            {
                client.Dispose();
            }

            _carried.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Shut();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception exception)
                when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, stop);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_lock)
            {
                _carried.Add(inbound);
                _carried.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception exception)
            when (exception is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The gate was shut or a side hung up: the other side is closed below.
        }

        from.Dispose();
        to.Dispose();
    }
}
