namespace SmartOffice.Signing;

/// <summary>
/// Why a letter is refused: the failing check, its code and ETSI verdict, and what to do, in two languages.
/// </summary>
internal sealed record Refusal(
    string Check,
    string Code,
    string Indication,
    string? SubIndication,
    string Detail,
    string Message,
    string MessageMn
);
