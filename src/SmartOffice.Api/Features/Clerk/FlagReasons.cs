using System.Text.RegularExpressions;

namespace SmartOffice.Api.Features.Clerk;

/// <summary>
/// Why an account is flagged after a report. Stored in English (the admin API and the audit show it as stored), and
/// read back here so the workspace can say it in the admin's language.
/// </summary>
internal static partial class FlagReasons
{
    private const string DefaultReason = "advertising or abuse";

    public static string Reported(Guid letterId, string reporter, string? reason) =>
        $"letter {letterId} reported by {reporter}: {reason ?? DefaultReason}";

    /// <summary>
    /// The report behind <paramref name="stored"/>: the letter, who reported it, and the reason they gave (null when
    /// they gave none); null when the text is not a report.
    /// </summary>
    public static (Guid LetterId, string Reporter, string? Reason)? Read(string? stored)
    {
        if (stored is null || Pattern().Match(stored) is not { Success: true } match)
        {
            return null;
        }

        var reason = match.Groups["reason"].Value;
        return (
            Guid.Parse(match.Groups["letter"].Value),
            match.Groups["reporter"].Value,
            reason == DefaultReason ? null : reason
        );
    }

    [GeneratedRegex(
        @"^letter (?<letter>[0-9a-f-]{36}) reported by (?<reporter>\S+): (?<reason>.*)$",
        RegexOptions.Singleline | RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();
}
