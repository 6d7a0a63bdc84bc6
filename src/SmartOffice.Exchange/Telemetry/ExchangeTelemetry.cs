using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartOffice.Exchange.Telemetry;

/// <summary>
/// SmartOffice's own traces and metrics (names as OpenTelemetry semantic conventions write them): letters accepted and
/// refused by code, validation time, deliveries by outcome and the time from submission to the inbox.
/// </summary>
public static class ExchangeTelemetry
{
    public const string Name = "SmartOffice";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_accepted = s_meter.CreateCounter<long>("smartoffice.letters.accepted", "{letter}", "Letters accepted for delivery");

    private static readonly Counter<long> s_refused = s_meter.CreateCounter<long>("smartoffice.letters.refused", "{letter}", "Letters refused, by validation or problem code");

    private static readonly Histogram<double> s_validation = s_meter.CreateHistogram<double>("smartoffice.validation.duration", "ms", "Time to validate one letter");

    private static readonly Counter<long> s_deliveries = s_meter.CreateCounter<long>("smartoffice.deliveries", "{delivery}", "Deliveries, by outcome");

    private static readonly Histogram<double> s_toInbox = s_meter.CreateHistogram<double>("smartoffice.delivery.submit_to_inbox", "s", "From acceptance to the recipient's inbox");

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
}
