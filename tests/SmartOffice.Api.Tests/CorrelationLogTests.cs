using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The delivery's log line carries the letter id and the correlation id of the request that submitted it, across the
/// bus.
/// </summary>
[TestClass]
public sealed class CorrelationLogTests
{
    [TestMethod]
    public async Task The_delivery_log_carries_the_letter_id_and_the_trace_id_of_the_submitting_request()
    {
        var capture = new ScopeCapture();
        using var api = new ApiFactory("Sqlite");
        using var factory = api.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));
        using var session = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        session.Http.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        var id = (await session.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();

        ScopeCapture.Line? delivered = null;
        for (var i = 0; i < 100 && delivered is null; i++)
        {
            await Task.Delay(100);
            delivered = capture.Lines.FirstOrDefault(l =>
                l.Message.Contains($"Letter {id} delivered", StringComparison.Ordinal)
            );
        }

        Assert.IsNotNull(delivered, "no delivery log line within 10 s");
        Assert.AreEqual(id, delivered.Scope.GetValueOrDefault("LetterId")?.ToString());
        Assert.AreEqual(traceId, delivered.Scope.GetValueOrDefault("CorrelationId")?.ToString());
    }

    /// <summary>Keeps every log line with the scope values around it.</summary>
    private sealed class ScopeCapture : ILoggerProvider
    {
        private readonly AsyncLocal<ImmutableScope?> _current = new();

        public sealed record Line(string Message, Dictionary<string, object?> Scope);

        private sealed record ImmutableScope(IReadOnlyDictionary<string, object?> Values, ImmutableScope? Parent);

        public ConcurrentQueue<Line> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                var parent = owner._current.Value;
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                owner._current.Value = new ImmutableScope(values.ToDictionary(p => p.Key, p => p.Value), parent);
                return new Pop(() => owner._current.Value = parent);
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            )
            {
                var scope = new Dictionary<string, object?>();
                for (var s = owner._current.Value; s is not null; s = s.Parent)
                {
                    foreach (var (key, value) in s.Values)
                    {
                        scope.TryAdd(key, value);
                    }
                }

                owner.Lines.Enqueue(new Line(formatter(state, exception), scope));
            }
        }

        private sealed class Pop(Action pop) : IDisposable
        {
            public void Dispose() => pop();
        }
    }
}
