using SmartOffice.Signing;

namespace SmartOffice.Exchange.Refusals;

/// <summary>
/// Why a service did not do what was asked: a stable machine-readable code, a title and detail in plain words, and
/// the data that explains it (the validation report, the unknown recipients, the earlier letter). The API turns it
/// into problem details; the workspace into a message on the page.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Title, string Detail)
{
    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// The key of this refusal's sentence in the workspace's languages; <see cref="Detail"/> where there is none.
    /// </summary>
    public string? MessageKey { get; init; }

    /// <summary>The values that sentence's placeholders {0}, {1}… take.</summary>
    public IReadOnlyList<object?> MessageArguments { get; init; } = [];

    /// <summary>
    /// When one refusal names several problems (a form with two mistakes), each problem's sentence in the workspace's
    /// words; <see cref="Detail"/> says them all in English.
    /// </summary>
    public IReadOnlyList<RefusalSentence> Sentences { get; init; } = [];

    /// <summary>
    /// This refusal, said in the workspace's words by <paramref name="key"/> with <paramref name="arguments"/>.
    /// </summary>
    public Refusal Says(string key, params object?[] arguments) =>
        this with
        {
            MessageKey = key,
            MessageArguments = arguments,
        };

    public static Refusal NotFound(string what = "letter") =>
        new(RefusalKind.NotFound, RefusalCodes.NotFound, "Not found", $"No {what} with this id is visible to you.");

    public static Refusal Forbidden(string detail) =>
        new(RefusalKind.Forbidden, RefusalCodes.Forbidden, "Forbidden", detail);

    public static Refusal Invalid(string detail) =>
        new(RefusalKind.Invalid, RefusalCodes.Validation, "The request is not valid", detail);

    public static Refusal InvalidState(string detail) =>
        new(RefusalKind.Conflict, RefusalCodes.InvalidState, "Not possible in this state", detail);

    /// <summary>A letter (or its file) the validator refused, with the report that says why.</summary>
    public static Refusal Rejected(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var kind = report.Code == ValidationCodes.FileTooLarge ? RefusalKind.TooLarge : RefusalKind.Unprocessable;
        return new Refusal(kind, report.Code, "The letter was refused", report.Message)
        {
            Data = new Dictionary<string, object?> { ["messageMn"] = report.MessageMn, ["report"] = report },
        };
    }
}

/// <summary>One sentence of a refusal in the workspace's words: its key and the values of its placeholders.</summary>
public sealed record RefusalSentence(string Key, params object?[] Arguments);
