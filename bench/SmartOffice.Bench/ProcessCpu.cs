using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// CPU seconds of this process (load generator, Api and Worker or the floor's endpoint and consumer), of PostgreSQL's
/// processes and of RabbitMQ's Erlang VM, from /proc/*/stat: splits a pipeline's machine time between .NET, the
/// database and the broker. The rest of the machine time is the kernel's interrupts and everything else running.
/// </summary>
internal readonly record struct ProcessCpu(double Self, double Postgres, double RabbitMq)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static ProcessCpu Now()
    {
        if (!Directory.Exists("/proc"))
        {
            return default;
        }

        double postgres = 0,
            rabbit = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _) || Read(folder) is not { } process)
            {
                continue;
            }

            if (process.Name == "postgres")
            {
                postgres += process.Seconds;
            }
            else if (process.Name.StartsWith("beam", StringComparison.Ordinal))
            {
                rabbit += process.Seconds;
            }
        }

        return new ProcessCpu(Read("/proc/self")?.Seconds ?? 0, postgres, rabbit);
    }

    public static ProcessCpu operator -(ProcessCpu end, ProcessCpu start) =>
        new(end.Self - start.Self, end.Postgres - start.Postgres, end.RabbitMq - start.RabbitMq);

    // pid (comm) state ppid … utime stime: the 14th and 15th fields, counted after the parenthesised name.
    private static (string Name, double Seconds)? Read(string folder)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var ticks =
                double.Parse(fields[11], CultureInfo.InvariantCulture)
                + double.Parse(fields[12], CultureInfo.InvariantCulture);
            return (stat[(open + 1)..close], ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null; // the process ended while we looked
        }
    }
}
