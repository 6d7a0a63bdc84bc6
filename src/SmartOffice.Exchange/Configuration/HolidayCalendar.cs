using System.Globalization;

namespace SmartOffice.Exchange.Configuration;

/// <summary>
/// How a holiday of Deadlines:Holidays is written: a date ("2027-02-07") or, for every year, a month and day ("07-11").
/// </summary>
public static class HolidayCalendar
{
    public static bool TryParse(string entry, out DateOnly? date, out (int Month, int Day)? everyYear)
    {
        (date, everyYear) = (null, null);
        if (
            DateOnly.TryParseExact(
                entry,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var exact
            )
        )
        {
            date = exact;
            return true;
        }

        if (
            DateOnly.TryParseExact(
                $"2000-{entry}",
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var yearly
            )
        )
        {
            everyYear = (yearly.Month, yearly.Day);
            return true;
        }

        return false;
    }
}
