namespace SmartOffice.Exchange.Configuration;

/// <summary>The service as a whole (section "Service").</summary>
public sealed record ServiceOptions
{
    public const string SectionName = "Service";

    /// <summary>The time zone dates are counted in (incoming-number years, due dates, statistics).</summary>
    public string TimeZone { get; init; } = "Asia/Ulaanbaatar";

    /// <summary>On SIGTERM, how long to finish what is in flight before exiting.</summary>
    public int ShutdownSeconds { get; init; } = 30;
}
