namespace SmartOffice.Exchange.Configuration;

/// <summary>
/// Traces and metrics (section "Telemetry"): OTLP export and the Prometheus scrape endpoint /metrics.
/// </summary>
public sealed record TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>An OTLP collector (http://collector:4317): traces and metrics are pushed there when set.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Serve /metrics in Prometheus' text format; off by default.</summary>
    public bool Prometheus { get; init; }

    /// <summary>The bearer token /metrics asks for (Authorization: Bearer …); required when Prometheus is on.</summary>
    public string? ScrapeKey { get; init; }

    /// <summary>
    /// Shorter keys are refused at start: the key is the only thing between the network and the metrics.
    /// </summary>
    public const int MinimumScrapeKeyLength = 16;

    /// <summary>The collector's address, or null when <paramref name="endpoint"/> is not an http(s) URL.</summary>
    public static Uri? OtlpUri(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    public static IEnumerable<string> Problems(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.OtlpEndpoint is { Length: > 0 } endpoint && OtlpUri(endpoint) is null)
        {
            yield return $"Telemetry:OtlpEndpoint '{endpoint}' is not an http or https URL: write it as "
                + $"http://collector:4317.";
        }

        if (options.Prometheus && (options.ScrapeKey?.Length ?? 0) < MinimumScrapeKeyLength)
        {
            yield return $"Telemetry:Prometheus is on but Telemetry:ScrapeKey is "
                + $"{(string.IsNullOrEmpty(options.ScrapeKey) ? "not set" : "too short")}: "
                + $"set a random key of {MinimumScrapeKeyLength} characters or more and give it to Prometheus as "
                + $"its bearer token.";
        }
    }
}
