using System.Reflection;
using SmartOffice.Api.Errors;
using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Send;

/// <summary>
/// Every reason a letter can be refused, as the words "send.reason.{code}" (what happened) and "send.advice.{code}"
/// (what to do) of Localization/send.*.json; a test checks both languages have both words for every code.
/// </summary>
internal static class RefusalAdvice
{
    /// <summary>Refusals of the API contract that are not about the PDF itself.</summary>
    public static readonly IReadOnlyList<string> ProblemCodesAdvised =
    [
        RefusalCodes.AccountSuspended,
        RefusalCodes.RecipientUnknown,
        RefusalCodes.DuplicateLetter,
        RefusalCodes.Validation,
        RefusalCodes.RateLimited,
    ];

    /// <summary>
    /// Every validation code of the Signing library (read from its constants, so a new code cannot be forgotten) and
    /// the problems above.
    /// </summary>
    public static IReadOnlyList<string> AllCodes { get; } =
    [
        .. typeof(ValidationCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .Where(c => c != ValidationCodes.Ok),
        .. ProblemCodesAdvised,
    ];

    public static string ReasonKey(string code) => $"send.reason.{Known(code)}";

    public static string AdviceKey(string code) => $"send.advice.{Known(code)}";

    // An unforeseen code still gets words: the general ones.
    private static string Known(string code) => AllCodes.Contains(code, StringComparer.Ordinal) ? code : "other";
}
