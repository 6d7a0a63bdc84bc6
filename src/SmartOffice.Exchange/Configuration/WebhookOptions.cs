namespace SmartOffice.Exchange.Configuration;

/// <summary>Calls to organizations' webhooks (section "Webhooks").</summary>
public sealed record WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Allow loopback, private and link-local addresses (tests and closed networks only).</summary>
    public bool AllowPrivateAddresses { get; init; }
}
