using System.Diagnostics;
using System.Globalization;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// Memory over 100,000 letters: the product's Api and Worker (both hosted in this process, as in the delivery
/// benchmark) take letters at full rate in slices; after each slice has drained, the process's working set, the GC's
/// committed memory and the live managed heap (after a full collection) are printed. Flat means the live heap after
/// warm-up does not grow with the letters: a leak of even 100 bytes a letter would show as 10 MB.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Letters = 100_000;
    private const int WarmUpLetters = 20_000;
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(20);

    /// <summary>Growth of the live heap past warm-up that still counts as flat.</summary>
    private const double FlatMegabytes = 8;

    public static async Task<int> RunAsync()
    {
        if (BenchDatabase.Admin is not { Length: > 0 } admin)
        {
            Console.Error.WriteLine("set SMARTOFFICE_BENCH_POSTGRES (an admin connection string) to run it");
            return 2;
        }

        await DeliveryBenchmark.PurgeLeftoversAsync();
        var pki = DemoPki.Create();
        var folder = Directory.CreateTempSubdirectory("smartoffice-bench-memory-").FullName;
        pki.WriteTo(Path.Combine(folder, "pki"));
        var connectionString = await BenchDatabase.CreateAsync(admin);
        var work = new WorkItems(SubmissionBenchmark.SignLetters(pki), WorkItems.DemoRecipients);
        using var roundTrips = new DatabaseRoundTrips();
        await using var hosts = await ProductHosts.StartAsync(pki, folder, connectionString, roundTrips);
        Console.WriteLine(
            $"SmartOffice memory benchmark — {Environment.ProcessorCount} cores; Api and Worker in one process, "
                + $"{Letters:N0} letters"
        );
        Console.WriteLine("letters    working set   GC committed   live heap");
        var samples = new List<(int Letters, double Live)>();
        var delivered = 0;
        while (delivered < Letters)
        {
            var phase = await DeliveryPhase.RunAsync(hosts.Pipeline, work, 32, null, Slice);
            delivered += phase.Letters;
            var live = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            using var process = Process.GetCurrentProcess();
            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0;
            samples.Add((delivered, live));
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{delivered, 7:N0}   {process.WorkingSet64 / 1048576.0, 8:F0} MB   {committed, 9:F0} MB   "
                        + $"{live, 6:F1} MB"
                )
            );
        }

        await hosts.StopAsync();
        var afterWarmUp = samples.First(s => s.Letters >= WarmUpLetters);
        var growth = samples[^1].Live - afterWarmUp.Live;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"live heap from {afterWarmUp.Letters:N0} to {samples[^1].Letters:N0} letters: {growth:+0.0;-0.0} MB "
                    + $"({growth * 1048576 / Math.Max(1, samples[^1].Letters - afterWarmUp.Letters):F0} bytes a "
                    + $"letter); flat within {FlatMegabytes} MB: {(growth <= FlatMegabytes ? "yes" : "no")}"
            )
        );
        return growth <= FlatMegabytes ? 0 : 1;
    }
}
