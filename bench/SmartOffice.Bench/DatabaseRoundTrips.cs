using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartOffice.Bench;

/// <summary>
/// Counts the database round trips of this process without touching the product: every command or batch Npgsql runs
/// (one measurement of its "db.client.operation.duration" each) and every commit EF Core makes (Npgsql sends BEGIN
/// with the next command, but COMMIT is a round trip of its own and is not a command). The product reaches
/// PostgreSQL only through EF Core; the floor counts its own round trips and runs in phases of its own.
/// </summary>
internal sealed class DatabaseRoundTrips
    : IDisposable,
        IObserver<DiagnosticListener>,
        IObserver<KeyValuePair<string, object?>>
{
    private const string Committed = "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted";
    private readonly MeterListener _meters = new();
    private readonly List<IDisposable> _subscriptions = [];
    private long _count;

    public DatabaseRoundTrips()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
        _meters.Start();
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose()
    {
        _meters.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == Committed));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == Committed)
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
