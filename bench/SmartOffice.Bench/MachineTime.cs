using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// CPU time the whole machine spent (every process: this one, PostgreSQL, RabbitMQ, the kernel), read from /proc/stat.
/// Divided by the letters a phase handled it gives the machine time per letter, which compares two builds even when
/// this shared VM runs faster or slower from one run to the next (a rate alone varied by ±20% here); the time stolen
/// by the hypervisor is reported apart.
/// </summary>
internal readonly record struct MachineTime(double BusySeconds, double StolenSeconds)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static MachineTime Now()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat")
            .First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture))
            .ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
        return new MachineTime(busy / TicksPerSecond, fields[7] / TicksPerSecond);
    }

    public static MachineTime operator -(MachineTime end, MachineTime start) =>
        new(end.BusySeconds - start.BusySeconds, end.StolenSeconds - start.StolenSeconds);
}
