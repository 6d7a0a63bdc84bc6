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
        var technical = report is not null ? TechnicalText(report) : refusal.Detail;
        return new SendResult(false, refusal.Code, technical, report, unknown, earlier);
    }

    private static string TechnicalText(ValidationReport report) =>
        Web.UiText.CurrentLanguage == Web.UiText.Mongolian && report.MessageMn.Length > 0
            ? report.MessageMn
            : report.Message;
}
