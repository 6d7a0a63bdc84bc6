using System.Collections.Concurrent;
using System.Diagnostics;

namespace SmartOffice.Bench;

/// <summary>
/// A phase's rate, latency (submit to inbox), and per delivered letter: the machine time (all processes), the CPU of
/// this process, PostgreSQL and RabbitMQ, database round trips, the pipeline's own fsyncs and the disk's flushes; with
/// the seconds stolen by the hypervisor.
/// </summary>
internal sealed record DeliveryPhase(
    int Letters,
    double PerSecond,
    double P50,
    double P99,
    double MachineMillisecondsPerLetter,
    ProcessCpu CpuMillisecondsPerLetter,
    double RoundTripsPerLetter,
    double? FsyncsPerLetter,
    double DiskFlushesPerLetter,
    double StolenSeconds
)
{
    /// <summary>
    /// Submits letters from <paramref name="concurrency"/> clients for <paramref name="duration"/> (at
    /// <paramref name="rate"/> letters/s when given), then waits until they are delivered, up to a minute.
    /// </summary>
    public static async Task<DeliveryPhase> RunAsync(
        IDeliveryPipeline pipeline,
        WorkItems work,
        int concurrency,
        double? rate,
        TimeSpan duration
    )
    {
        var started = DateTimeOffset.UtcNow;
        var machineAtStart = MachineTime.Now();
        var cpuAtStart = ProcessCpu.Now();
        var roundTripsAtStart = pipeline.RoundTrips;
        var fsyncsAtStart = pipeline.Fsyncs;
        var flushesAtStart = DiskFlushes.Now();
        var ids = new ConcurrentBag<Guid>();
        var watch = Stopwatch.StartNew();
        var issued = 0;
        await Task.WhenAll(
            Enumerable
                .Range(0, concurrency)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        while (watch.Elapsed < duration)
                        {
                            var item = work.Next();
                            if (
                                rate is { } perSecond
                                && TimeSpan.FromSeconds(Interlocked.Increment(ref issued) / perSecond) is var due
                                && due > watch.Elapsed
                            )
                            {
                                await Task.Delay(due - watch.Elapsed);
                            }

                            if (await pipeline.SubmitAsync(item.Letter, item.Recipient) is { } id)
                            {
                                ids.Add(id);
                            }
                        }
                    })
                )
        );

        var list = ids.ToList();
        for (var i = 0; i < 600 && await pipeline.PendingAsync(list) > 0; i++)
        {
            await Task.Delay(100);
        }

        var machine = MachineTime.Now() - machineAtStart;
        var cpu = ProcessCpu.Now() - cpuAtStart;
        var roundTrips = pipeline.RoundTrips - roundTripsAtStart;
        var fsyncs = pipeline.Fsyncs - fsyncsAtStart;
        var flushes = DiskFlushes.Now() - flushesAtStart;
        var rows = await pipeline.DeliveredAsync(list);
        var latencies = rows.Select(r => (r.Delivered - r.Submitted).TotalMilliseconds).Order().ToList();
        var span = rows.Count == 0 ? 1 : (rows.Max(r => r.Delivered) - started).TotalSeconds;
        var letters = Math.Max(1, rows.Count);
        double Percentile(double p) =>
            latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        return new DeliveryPhase(
            rows.Count,
            rows.Count / span,
            Percentile(0.5),
            Percentile(0.99),
            machine.BusySeconds * 1000 / letters,
            new ProcessCpu(cpu.Self * 1000 / letters, cpu.Postgres * 1000 / letters, cpu.RabbitMq * 1000 / letters),
            (double)roundTrips / letters,
            fsyncs is { } f ? (double)f / letters : null,
            (double)flushes / letters,
            machine.StolenSeconds
        );
    }
}
