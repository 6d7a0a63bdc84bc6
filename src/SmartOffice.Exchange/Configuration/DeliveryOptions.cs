namespace SmartOffice.Exchange.Configuration;

/// <summary>How accepted letters are delivered (section "Delivery").</summary>
public sealed record DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Most messages one delivery transaction takes together.</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>Batches committed at once.</summary>
    public int Lanes { get; init; } = 4;

    /// <summary>A letter still Queued this long after acceptance is published again by the sweeper.</summary>
    public int RepublishAfterMinutes { get; init; } = 10;
}
