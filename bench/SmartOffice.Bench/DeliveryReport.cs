using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// The delivery benchmark's table: floor and product side by side, and the product's cost as a multiple of the floor's.
/// Machine time is the figure to compare across runs and machines; rates and latencies move with the VM.
/// </summary>
internal static class DeliveryReport
{
    public static void Print(
        DeliveryPhase floor,
        DeliveryPhase product,
        DeliveryPhase floorPaced,
        DeliveryPhase productPaced,
        double pace
    )
    {
        static string Rest(DeliveryPhase p) =>
            F(
                p.MachineMillisecondsPerLetter
                    - p.CpuMillisecondsPerLetter.Self
                    - p.CpuMillisecondsPerLetter.Postgres
                    - p.CpuMillisecondsPerLetter.RabbitMq
            );
        Console.WriteLine($"{"", -46}{"floor", 10}{"product", 10}{"product/floor", 15}");
        Row("letters delivered (sustained phase)", floor.Letters, product.Letters, null);
        Row("sustained letters/s into inboxes (32 clients)", floor.PerSecond, product.PerSecond, "F0");
        Row(
            "machine ms/letter, all processes",
            floor.MachineMillisecondsPerLetter,
            product.MachineMillisecondsPerLetter,
            "F2"
        );
        Row(
            "  this process (.NET, load generator too)",
            floor.CpuMillisecondsPerLetter.Self,
            product.CpuMillisecondsPerLetter.Self,
            "F2"
        );
        Row(
            "  PostgreSQL processes",
            floor.CpuMillisecondsPerLetter.Postgres,
            product.CpuMillisecondsPerLetter.Postgres,
            "F2"
        );
        Row(
            "  RabbitMQ (Erlang VM)",
            floor.CpuMillisecondsPerLetter.RabbitMq,
            product.CpuMillisecondsPerLetter.RabbitMq,
            "F2"
        );
        Console.WriteLine($"{"  rest (kernel, interrupts, other processes)", -46}{Rest(floor), 10}{Rest(product), 10}");
        // Without the rest: on a shared VM other tenants' processes land in "all processes" and not here.
        Row("this process + PostgreSQL + RabbitMQ, ms/letter", Sum(floor), Sum(product), "F2");
        Row("database round trips/letter", floor.RoundTripsPerLetter, product.RoundTripsPerLetter, "F1");
        Console.WriteLine(
            $"{"fsyncs/letter (the pipeline's own code)", -46}{F(floor.FsyncsPerLetter), 10}"
                + $"{F(product.FsyncsPerLetter), 10}"
        );
        Row("disk flush requests/letter (device, all)", floor.DiskFlushesPerLetter, product.DiskFlushesPerLetter, "F2");
        Row("stolen by the hypervisor, s", floor.StolenSeconds, product.StolenSeconds, "F1");
        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"paced at {pace:F0}/s (80% of the product's sustained rate):")
        );
        Row("  letters/s into inboxes", floorPaced.PerSecond, productPaced.PerSecond, "F0");
        Row("  p50 submit-to-inbox, ms", floorPaced.P50, productPaced.P50, "F0");
        Row("  p99 submit-to-inbox, ms", floorPaced.P99, productPaced.P99, "F0");
        Row(
            "  machine ms/letter, all processes",
            floorPaced.MachineMillisecondsPerLetter,
            productPaced.MachineMillisecondsPerLetter,
            "F2"
        );
        Row("  database round trips/letter", floorPaced.RoundTripsPerLetter, productPaced.RoundTripsPerLetter, "F1");
        Console.WriteLine(
            "goal: product machine time per letter ≤ 1.5× the floor's; p99 submit-to-inbox < 1 s at 80% of capacity"
        );
    }

    private static double Sum(DeliveryPhase p) =>
        p.CpuMillisecondsPerLetter.Self + p.CpuMillisecondsPerLetter.Postgres + p.CpuMillisecondsPerLetter.RabbitMq;

    private static void Row(string label, double floor, double product, string? format)
    {
        var ratio = format is null ? "" : (product / floor).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"{label, -46}{F(floor, format), 10}{F(product, format), 10}{ratio, 15}");
    }

    private static string F(double? value, string? format = "F2") =>
        value is { } v ? v.ToString(format ?? "F0", CultureInfo.InvariantCulture) : "n/a";
}
