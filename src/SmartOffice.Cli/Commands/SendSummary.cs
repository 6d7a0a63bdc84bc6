using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SmartOffice.Cli.Commands;

/// <summary>
/// What `send` prints by default: the letter, each recipient's state and the hash, or the refusal in its own words.
/// </summary>
public static class SendSummary
{
    public static string Format(int status, string body)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Failed ({status}): {body}");
        }

        var text = new StringBuilder();
        if (status is >= 200 and < 300 && json.TryGetProperty("id", out var id))
        {
            text.Append(CultureInfo.InvariantCulture, $"Accepted: letter {id.GetString()}\n");
            text.Append(CultureInfo.InvariantCulture, $"  SHA-256 {Text(json, "documentSha256")}\n");
            foreach (
                var recipient in json.TryGetProperty("recipients", out var recipients)
                    ? recipients.EnumerateArray()
                    : default
            )
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  → {Text(recipient, "registryNumber")} {Text(recipient, "name")}: {Text(recipient, "state")}\n"
                );
            }

            foreach (
                var attachment in json.TryGetProperty("attachments", out var attachments)
                && attachments.ValueKind == JsonValueKind.Array
                    ? attachments.EnumerateArray()
                    : default
            )
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  + attachment {attachment.GetProperty("number").GetInt32()} {Text(attachment, "fileName")}: "
                        + $"SHA-256 {Text(attachment, "documentSha256")}\n"
                );
            }

            text.Append("The submission evidence is sealed; --json prints it with the whole answer.");
            return text.ToString();
        }

        var code = Text(json, "code");
        var report = json.TryGetProperty("report", out var r) ? r : default;
        // A refused attachment: the problem's own words name it; the report's are about the file alone.
        if (json.TryGetProperty("attachment", out _))
        {
            report = default;
        }

        var message = report.ValueKind == JsonValueKind.Object ? Text(report, "message") : Text(json, "detail");
        text.Append(CultureInfo.InvariantCulture, $"Refused ({code}, HTTP {status}): {message}");
        var mongolian = report.ValueKind == JsonValueKind.Object ? Text(report, "messageMn") : Text(json, "messageMn");
        if (mongolian.Length > 0)
        {
            text.Append("\n  ").Append(mongolian);
        }

        return text.ToString();
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
