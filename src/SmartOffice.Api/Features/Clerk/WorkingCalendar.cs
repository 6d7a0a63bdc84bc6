using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Api.Features.Clerk;

/// <summary>
/// Working days for due dates: Monday to Friday, less the public holidays in <c>Deadlines:Holidays</c>. Each entry is a
/// date ("2027-02-07", for holidays that move, such as Tsagaan Sar) or a month and day ("07-11", every year). The list
/// is empty unless configured; README shows Mongolia's fixed-date holidays.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _dates = [];
    private readonly HashSet<(int Month, int Day)> _everyYear = [];

    public WorkingCalendar(IOptions<DeadlinesOptions> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        foreach (var entry in deadlines.Value.Holidays)
        {
            // Checked at start (ExchangeOptionsRegistration): every entry parses.
            if (!HolidayCalendar.TryParse(entry, out var date, out var everyYear))
            {
                continue;
            }

            if (date is { } exact)
            {
                _dates.Add(exact);
            }
            else if (everyYear is { } yearly)
            {
                _everyYear.Add(yearly);
            }
        }
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_dates.Contains(date)
        && !_everyYear.Contains((date.Month, date.Day));

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }
}
