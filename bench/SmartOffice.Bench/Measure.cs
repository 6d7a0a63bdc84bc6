using System.Diagnostics;

namespace SmartOffice.Bench;

/// <summary>Runs an operation repeatedly for a fixed time after a warm-up and reports the mean and allocations.</summary>
internal static class Measure
{
    public sealed record Result(double OpsPerSecond, double MeanMicroseconds, double AllocatedBytesPerOp, int Operations);

    public static Result Run(Action operation, TimeSpan duration, int warmup = 50)
    {
        for (var i = 0; i < warmup; i++)
        {
            operation();
        }

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.Elapsed < duration)
        {
            operation();
            count++;
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Result(count / watch.Elapsed.TotalSeconds, watch.Elapsed.TotalMicroseconds / count, (double)allocated / count, count);
    }
}
