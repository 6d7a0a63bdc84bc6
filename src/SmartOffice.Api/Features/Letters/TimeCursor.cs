using System.Globalization;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// A keyset cursor for lists ordered newest first by a time that several rows can share: "ticks.seen" is the last
/// row's time and how many rows at exactly that time were already shown, so the next page skips exactly those and
/// none is lost or repeated even when a thousand letters carry the same instant.
/// </summary>
internal static class TimeCursor
{
    public static string Format(DateTimeOffset at, int seen) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}.{seen}");

    /// <summary>
    /// The cursor for the page after <paramref name="shownTimes"/> (that page's times, in order), given the cursor it
    /// was read with.
    /// </summary>
    public static string Next(IReadOnlyList<DateTimeOffset> shownTimes, string? previousCursor)
    {
        var last = shownTimes[^1];
        var sameTime =
            shownTimes.Count(t => t == last)
            + (TryParse(previousCursor, out var previous, out var previousSeen) && previous == last ? previousSeen : 0);
        return Format(last, sameTime);
    }

    public static bool TryParse(string? value, out DateTimeOffset at, out int seen)
    {
        (at, seen) = (default, 0);
        var parts = value?.Split('.');
        if (
            parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out seen)
            || ticks < DateTimeOffset.MinValue.UtcTicks
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || seen > 100_000
        )
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
