using System.Text.Json;
using SmartOffice.Api.Features.Letters;

namespace SmartOffice.Api.Pages.Letters;

/// <summary>
/// One step of a letter's journey, read from its sealed evidence (so every step shown is one the user can download
/// and verify): the event, when, for which recipient, and the details the evidence carries.
/// </summary>
internal sealed record JourneyStep(
    Guid EvidenceId,
    string Event,
    DateTimeOffset Time,
    string? Recipient,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<string> Reasons
)
{
    public static JourneyStep From(EvidenceItem item)
    {
        using var json = JsonDocument.Parse(item.Json);
        var root = json.RootElement;
        var details =
            root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object
                ? d.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
                : [];
        IReadOnlyList<string> reasons =
            root.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Array
                ? [.. r.EnumerateArray().Select(e => e.ToString())]
                : [];
        return new JourneyStep(item.EvidenceId, item.Event, item.EventTime, item.Recipient, details, reasons);
    }

    public string? Detail(string key) => Details.TryGetValue(key, out var value) ? value : null;
}
