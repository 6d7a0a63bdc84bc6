using System.Text.Json;

namespace SmartOffice.Exchange;

/// <summary>
/// The JSON the service stores and seals (evidence, reports, idempotent answers): web casing, compact.
/// </summary>
public static class ExchangeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };
}
