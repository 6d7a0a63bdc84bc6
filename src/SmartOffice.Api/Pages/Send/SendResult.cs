using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Send;

/// <summary>
/// What the page shows after "Check" or a refused "Send": the verdict in plain words, and the report behind it.
/// </summary>
internal sealed record SendResult(
    bool IsAccepted,
    string Code,
    string? Technical,
    ValidationReport? Report,
    IReadOnlyList<string> UnknownRecipients,
    Guid? EarlierLetterId
)
{
    /// <summary>True after "Send" (the letter was not sent); false after "Check" (the file cannot be sent).</summary>
    public bool IsSendRefusal { get; init; }

    /// <summary>
    /// The refusal when it says its specifics in the workspace's words (the form's problems, for one), shown with the
    /// reason; null when the reason and advice for its code say it all.
    /// </summary>
    public Refusal? Said { get; init; }

    public static SendResult FromReport(ValidationReport report) =>
        new(report.Accepted, report.Code, report.Accepted ? null : TechnicalText(report), report, [], null);

    /// <summary>A refusal from LetterSubmission: its code decides the advice, its data adds the specifics.</summary>
    public static SendResult FromRefusal(Refusal refusal)
    {
        var data = refusal.Data;
        var report = data.TryGetValue("report", out var r) ? r as ValidationReport : null;
        var unknown =
            data.TryGetValue("recipients", out var u) && u is IEnumerable<string> numbers ? numbers.ToList() : [];
        var earlier = data.TryGetValue("letterId", out var l) && l is Guid id ? id : (Guid?)null;
        var said = refusal.MessageKey is not null || refusal.Sentences.Count > 0;
        var technical =
            report is not null ? TechnicalText(report)
            : said || unknown.Count > 0 || earlier is not null ? null
            : refusal.Detail;
        return new SendResult(false, refusal.Code, technical, report, unknown, earlier)
        {
            Said = said ? refusal : null,
        };
    }

    /// <summary>
    /// The failed check's own detail (the parser's or validator's words, in English) for whoever supports the
    /// clerk; the reason and advice above it are in the workspace's language.
    /// </summary>
    private static string TechnicalText(ValidationReport report) =>
        report.Checks.LastOrDefault(c => !c.Passed)?.Detail is { Length: > 0 } detail ? detail : report.Message;
}
