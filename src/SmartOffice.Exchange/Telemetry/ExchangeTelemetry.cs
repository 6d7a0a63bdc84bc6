using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartOffice.Exchange.Telemetry;

/// <summary>
/// SmartOffice's own traces and metrics (names as OpenTelemetry semantic conventions write them): letters accepted and
/// refused by code, validation time, deliveries by outcome, the time from submission to the inbox and webhook calls
/// that failed. The gauges that read state (outbox lag, error-queue depth, CRL age) are registered by the host that
/// owns that state, on a meter of the same name; their names are here so that every name is in one place.
/// </summary>
public static class ExchangeTelemetry
{
    public const string Name = "SmartOffice";

    /// <summary>
    /// Seconds since the oldest outbox message not yet published was written (0 when none waits). Api.
    /// </summary>
    public const string OutboxLag = "smartoffice.outbox.lag";

    /// <summary>Deliveries waiting in letter-submitted_error. Worker, on RabbitMQ.</summary>
    public const string ErrorQueueDepth = "smartoffice.error_queue.depth";

    /// <summary>
    /// Seconds since the newest CRL held of each issuer was issued (its thisUpdate), tagged issuer. Api.
    /// </summary>
    public const string CrlAge = "smartoffice.crl.age";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_accepted = s_meter.CreateCounter<long>(
        "smartoffice.letters.accepted",
        "{letter}",
        "Letters accepted for delivery"
    );

    private static readonly Counter<long> s_refused = s_meter.CreateCounter<long>(
        "smartoffice.letters.refused",
        "{letter}",
        "Letters refused, by validation or problem code"
    );

    private static readonly Histogram<double> s_validation = s_meter.CreateHistogram<double>(
        "smartoffice.validation.duration",
        "ms",
        "Time to validate one letter"
    );

    private static readonly Counter<long> s_deliveries = s_meter.CreateCounter<long>(
        "smartoffice.deliveries",
        "{delivery}",
        "Deliveries, by outcome"
    );

    // OpenTelemetry's default buckets (0 to 10 000) are made for milliseconds: in seconds every delivery would fall in
    // the first one. These span a healthy sub-second delivery to an hour of backlog.
    private static readonly Histogram<double> s_toInbox = s_meter.CreateHistogram(
        "smartoffice.delivery.submit_to_inbox",
        "s",
        "From acceptance to the recipient's inbox",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
        }
    );

    private static readonly Counter<long> s_webhookFailures = s_meter.CreateCounter<long>(
        "smartoffice.webhooks.failed",
        "{call}",
        "Webhook calls that did not succeed, by reason"
    );

    public static void Accepted() => s_accepted.Add(1);

    public static void Refused(string code) => s_refused.Add(1, new KeyValuePair<string, object?>("code", code));

    public static void Validated(TimeSpan elapsed) => s_validation.Record(elapsed.TotalMilliseconds);

    public static void Delivered(bool isDelivered, TimeSpan sinceSubmission)
    {
        s_deliveries.Add(1, new KeyValuePair<string, object?>("outcome", isDelivered ? "delivered" : "not_delivered"));
        if (isDelivered)
        {
            s_toInbox.Record(sinceSubmission.TotalSeconds);
        }
    }

    /// <summary>
    /// One failed webhook call; <paramref name="reason"/> is http_error, unreachable, timeout or no_webhook.
    /// </summary>
    public static void WebhookFailed(string reason) =>
        s_webhookFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
