using SmartOffice.Exchange.Letters;

namespace SmartOffice.Api.Web;

/// <summary>
/// A refusal in the workspace's language: its own sentence when it has one (a delivery state among its values is
/// named in words too), else its problems' sentences, else its validation report's words, else the sentence for
/// its code, else its detail.
/// </summary>
public static class RefusalWords
{
    public static string Say(UiText text, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(refusal);
        if (refusal.MessageKey is { } key && text.Has(key))
        {
            var values = refusal
                .MessageArguments.Select(a => a is DeliveryState state ? text[$"letter.stateName.{state}"] : a)
                .ToArray();
            return text.Format(key, values);
        }

        if (refusal.Sentences.Count > 0 && refusal.Sentences.All(s => text.Has(s.Key)))
        {
            return string.Join(" ", refusal.Sentences.Select(s => text.Format(s.Key, s.Arguments)));
        }

        // A refused certificate or letter explains itself in the validation report, which speaks both languages.
        if (refusal.Data.TryGetValue("report", out var value) && value is SmartOffice.Signing.ValidationReport report)
        {
            return UiText.CurrentLanguage == UiText.Mongolian && report.MessageMn.Length > 0
                ? report.MessageMn
                : report.Message;
        }

        var byCode = $"refusal.code.{refusal.Code}";
        return text.Has(byCode) ? text[byCode]
            : refusal.Detail.Length > 0 ? refusal.Detail
            : refusal.Title;
    }
}
