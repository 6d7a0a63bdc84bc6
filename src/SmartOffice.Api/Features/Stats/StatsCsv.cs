using System.Globalization;
using System.Text;

namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// Statistics as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Mongolian names), comma-separated,
/// invariant numbers, fields quoted when needed (RFC 4180).
/// </summary>
internal static class StatsCsv
{
    public static byte[] Agency(AgencyStats stats, Func<string, string> words)
    {
        var csv = new StringBuilder();
        Line(csv, words("stats.csv.metric"), words("stats.csv.value"));
        Line(csv, words("stats.agency"), $"{stats.Name} ({stats.RegistryNumber})");
        Line(csv, words("stats.from"), Date(stats.From));
        Line(csv, words("stats.to"), Date(stats.To));
        Line(csv, words("stats.received"), Number(stats.Received));
        Line(csv, words("stats.registered"), Number(stats.Registered));
        Line(csv, words("stats.answered"), Number(stats.Answered));
        Line(csv, words("stats.closed"), Number(stats.Closed));
        Line(csv, words("stats.overdue"), Number(stats.Overdue));
        Line(csv, words("stats.medianRegister"), Hours(stats.MedianHoursToRegister));
        Line(csv, words("stats.p90Register"), Hours(stats.P90HoursToRegister));
        Line(csv, words("stats.medianAnswer"), Hours(stats.MedianHoursToAnswer));
        Line(csv, words("stats.p90Answer"), Hours(stats.P90HoursToAnswer));
        csv.Append("\r\n");
        Line(csv, words("stats.csv.period"), words("stats.received"), words("stats.answered"));
        foreach (var point in stats.Trend)
        {
            Line(csv, Date(point.Start), Number(point.Received), Number(point.Answered));
        }

        csv.Append("\r\n");
        Line(csv, words("stats.sender"), words("stats.registryNumber"), words("stats.letters"));
        foreach (var sender in stats.TopSenders)
        {
            Line(csv, sender.Name ?? "", sender.RegistryNumber, Number(sender.Letters));
        }

        return Encode(csv);
    }

    public static byte[] City(CityStats stats, Func<string, string> words)
    {
        var csv = new StringBuilder();
        Line(
            csv,
            words("stats.agency"),
            words("stats.registryNumber"),
            words("stats.received"),
            words("stats.registered"),
            words("stats.answered"),
            words("stats.overdue"),
            words("stats.medianAnswer"),
            words("stats.p90Answer")
        );
        foreach (var row in stats.Agencies)
        {
            Line(
                csv,
                row.Name,
                row.RegistryNumber,
                Number(row.Received),
                Number(row.Registered),
                Number(row.Answered),
                Number(row.Overdue),
                Hours(row.MedianHoursToAnswer),
                Hours(row.P90HoursToAnswer)
            );
        }

        return Encode(csv);
    }

    private static byte[] Encode(StringBuilder csv) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    private static void Line(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field)
    {
        // A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) is kept as text by a leading quote.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hours(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
