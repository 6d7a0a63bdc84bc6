using System.Globalization;

namespace SmartOffice.Signing.Pdf;

/// <summary>Parses PDF date strings such as "D:20261122103000+08'00'".</summary>
internal static class PdfDate
{
    public static DateTimeOffset? TryParse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var text = value.StartsWith("D:", StringComparison.Ordinal) ? value[2..] : value;
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length < 4)
        {
            return null;
        }

        digits = digits.PadRight(14, '0')[..14];
        if (digits[4..6] == "00")
        {
            digits = digits[..4] + "01" + digits[6..];
        }
        if (digits[6..8] == "00")
        {
            digits = digits[..6] + "01" + digits[8..];
        }
        if (
            !DateTime.TryParseExact(
                digits,
                "yyyyMMddHHmmss",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var local
            )
        )
        {
            return null;
        }

        var rest = text[Math.Min(text.Length, text.TakeWhile(char.IsAsciiDigit).Count())..]
            .Replace("'", "", StringComparison.Ordinal);
        var offset = TimeSpan.Zero;
        if (
            rest.Length >= 3
            && (rest[0] == '+' || rest[0] == '-')
            && int.TryParse(rest.AsSpan(1, 2), CultureInfo.InvariantCulture, out var hours)
        )
        {
            var minutes =
                rest.Length >= 5 && int.TryParse(rest.AsSpan(3, 2), CultureInfo.InvariantCulture, out var m) ? m : 0;
            offset = new TimeSpan(hours, minutes, 0) * (rest[0] == '-' ? -1 : 1);
        }

        return offset.Duration() <= TimeSpan.FromHours(14) ? new DateTimeOffset(local, offset).ToUniversalTime() : null;
    }
}
