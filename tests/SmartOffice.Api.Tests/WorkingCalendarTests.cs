using Microsoft.Extensions.Options;
using SmartOffice.Api.Features.Clerk;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Api.Tests;

/// <summary>Due dates count Monday to Friday and skip the configured public holidays.</summary>
[TestClass]
public sealed class WorkingCalendarTests
{
    private static WorkingCalendar Calendar(params string[] holidays) =>
        new(Options.Create(new DeadlinesOptions { Holidays = holidays }));

    [TestMethod]
    public void Without_holidays_only_weekends_are_skipped()
    {
        // Friday + 1 working day is Monday; + 5 is the next Friday.
        Assert.AreEqual(new DateOnly(2026, 7, 13), Calendar().AddWorkingDays(new DateOnly(2026, 7, 10), 1));
        Assert.AreEqual(new DateOnly(2026, 7, 17), Calendar().AddWorkingDays(new DateOnly(2026, 7, 10), 5));
    }

    [TestMethod]
    public void Naadam_every_year_and_a_dated_tsagaan_sar_are_not_working_days()
    {
        var calendar = Calendar("07-11", "07-12", "07-13", "07-14", "07-15", "2027-02-08");

        // Friday 10 July 2026: Naadam takes Monday 13 to Wednesday 15, so the first working day is Thursday 16.
        Assert.AreEqual(new DateOnly(2026, 7, 16), calendar.AddWorkingDays(new DateOnly(2026, 7, 10), 1));
        Assert.AreEqual(
            new DateOnly(2027, 7, 16),
            calendar.AddWorkingDays(new DateOnly(2027, 7, 9), 1),
            "the month-day entries repeat every year"
        );
        Assert.IsFalse(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.IsTrue(calendar.IsWorkingDay(new DateOnly(2028, 2, 8)), "a dated entry is that year only");
    }
}
