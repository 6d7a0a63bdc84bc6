namespace SmartOffice.Bench.Floor;

/// <summary>The floor's durable operations, counted where they are made.</summary>
internal sealed class FloorCounters
{
    private long _roundTrips;
    private long _fsyncs;

    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public long Fsyncs => Interlocked.Read(ref _fsyncs);

    public void RoundTrip() => Interlocked.Increment(ref _roundTrips);

    public void Fsync() => Interlocked.Increment(ref _fsyncs);
}
