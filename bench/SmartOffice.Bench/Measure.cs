using System.Diagnostics;

namespace SmartOffice.Bench;

/// <summary>
/// Runs an operation repeatedly for a fixed time after a warm-up and reports the mean and allocations.
/// </summary>
internal static class Measure
{
    public sealed record Result(
        double OpsPerSecond,
        double MeanMicroseconds,
        double AllocatedBytesPerOp,
        int Operations
    );

    /// <summary>
    /// Runs load in slices until the JIT has settled, at most <paramref name="max"/>. Under load on 2 cores, tiered
    /// compilation keeps re-compiling hot methods for tens of seconds (each promotion waits for a quiet 100 ms); a
    /// server runs for days, so its steady state is what we measure. Returns the warm-up time and the last slice's
    /// count of newly compiled methods.
    /// </summary>
    public static async Task<(TimeSpan Took, long LastSliceCompilations)> WarmUpAsync(
        Func<TimeSpan, Task> slice,
        TimeSpan max
    )
    {
        var watch = Stopwatch.StartNew();
        long compiled;
        do
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await slice(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        } while (compiled > SettledCompilations && watch.Elapsed < max);
        return (watch.Elapsed, compiled);
    }

    /// <summary>
    /// PostgreSQL connections per pool: sized for 2 cores. With Npgsql's default of 100, a hundred backends took turns
    /// on two cores and delivery ran at 226 letters/s; with 24, 257 (and 12 starved the pool: 217).
    /// </summary>
    public const int PoolSize = 24;

    /// <summary>
    /// Fewer new compilations than this in a 2-second slice of load: the hot code is at its final tier.
    /// </summary>
    private const int SettledCompilations = 25;

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
        return new Result(
            count / watch.Elapsed.TotalSeconds,
            watch.Elapsed.TotalMicroseconds / count,
            (double)allocated / count,
            count
        );
    }
}
