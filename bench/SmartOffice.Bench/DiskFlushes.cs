using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// Cache-flush requests the block devices completed (/proc/diskstats, Linux 5.5+), every process counted: the fsyncs
/// of PostgreSQL's WAL, RabbitMQ's message store and the archive as the disk saw them, for both pipelines alike.
/// </summary>
internal static class DiskFlushes
{
    public static long Now()
    {
        if (!File.Exists("/proc/diskstats"))
        {
            return 0;
        }

        // major minor name, then 17 counters; the 16th counter is "flush requests completed successfully".
        return File.ReadLines("/proc/diskstats")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // Whole disks only (/sys/block): a partition repeats its disk's requests.
            .Where(f => f.Length >= 19 && Directory.Exists($"/sys/block/{f[2]}"))
            .Sum(f => long.Parse(f[18], CultureInfo.InvariantCulture));
    }
}
