using System.Globalization;
using SmartOffice.Api.Infrastructure;

namespace SmartOffice.Api.Web;

/// <summary>
/// Dates and times as people read them, in one format on every page and chart: 2026.12.04 14:30 in Mongolian (the
/// order of official documents), 4 Dec 2026 14:30 in English (the month spelled, so no reader takes 12/4 for 4/12).
/// Times are in the service's time zone (<see cref="ServiceClock"/>), whatever the host's.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Performance",
    "CA1822",
    Justification = "Pages call every format through the one injected instance."
)]
internal sealed class DateText(ServiceClock clock)
{
    private const string MongolianDate = "yyyy.MM.dd";
    private const string EnglishDate = "d MMM yyyy";

    public string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    /// <summary>The service's date of an instant.</summary>
    public string Date(DateTimeOffset instant) => Date(clock.DateOf(instant));

    public string DateTime(DateTimeOffset instant) =>
        clock.Local(instant).ToString(DatePattern + " HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day of a chart's axis, shorter: 12.04 or 4 Dec.</summary>
    public string Day(DateOnly date) =>
        date.ToString(UiText.CurrentLanguage == UiText.English ? "d MMM" : "MM.dd", CultureInfo.InvariantCulture);

    private static string DatePattern => UiText.CurrentLanguage == UiText.English ? EnglishDate : MongolianDate;
}
