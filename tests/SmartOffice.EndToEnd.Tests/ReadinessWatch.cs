using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// Asks each Api's /health/ready four times a second until disposed and keeps every answer that was not 200.
/// </summary>
internal sealed class ReadinessWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _checks = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _watching;
    private int _samples;

    private ReadinessWatch(IReadOnlyList<ApiOsProcess> apis) => _watching = Task.WhenAll(apis.Select(WatchAsync));

    public IReadOnlyCollection<string> Failures => _failures;

    public int Samples => _samples;

    /// <summary>
    /// The names of the checks the ready answers held (the bus among them, or readiness says nothing of it).
    /// </summary>
    public IReadOnlyCollection<string> Checks => [.. _checks.Keys];

    public static ReadinessWatch Start(params ApiOsProcess[] apis) => new(apis);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }

    private async Task WatchAsync(ApiOsProcess api)
    {
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        while (!_stop.IsCancellationRequested)
        {
            var at = _clock.Elapsed.TotalSeconds;
            try
            {
                using var response = await client.GetAsync("/health/ready");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    _failures.Enqueue($"{api.Address} at {at:F1} s: {(int)response.StatusCode} {body}");
                }
                else if (_checks.IsEmpty)
                {
                    foreach (var check in JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateObject())
                    {
                        _checks.TryAdd(check.Name, true);
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                _failures.Enqueue($"{api.Address} at {at:F1} s: {exception.Message}");
            }

            Interlocked.Increment(ref _samples);
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
