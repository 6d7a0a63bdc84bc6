namespace SmartOffice.Exchange.Configuration;

/// <summary>The transactional outbox that publishes accepted letters to the bus (section "Outbox").</summary>
public sealed record OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>False only for an Api instance that must not publish (tests, maintenance).</summary>
    public bool Enabled { get; init; } = true;

    public int KeepSentDays { get; init; } = 7;

    /// <summary>An unsent row older than this makes readiness Degraded.</summary>
    public int LagWarningSeconds { get; init; } = 60;

    /// <summary>
    /// How long an instance's claim on the rows it publishes lasts. Renewed every third of it while the broker
    /// confirms, so it can be short: a crashed instance's rows are published by another one this soon after.
    /// </summary>
    public int LeaseSeconds { get; init; } = 5;
}
