using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests;

/// <summary>
/// Dates people see are Ulaanbaatar dates (UTC+8) unless Service:TimeZone says otherwise; instants stay UTC.
/// </summary>
[TestClass]
public sealed class ServiceClockTests
{
    [TestMethod]
    public void At_23_30_utc_it_is_already_the_next_day_in_ulaanbaatar_whose_days_begin_at_16_00_utc()
    {
        var clock = new ServiceClock(
            new FixedTime(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)),
            Settings()
        );

        Assert.AreEqual(
            new DateOnly(2027, 1, 1),
            clock.Today,
            "a new year (and a new incoming-number series) in Ulaanbaatar"
        );
        Assert.AreEqual(
            new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero),
            clock.StartOf(new DateOnly(2027, 1, 1))
        );
        Assert.AreEqual(
            new DateOnly(2026, 12, 31),
            clock.DateOf(new DateTimeOffset(2026, 12, 31, 15, 59, 59, TimeSpan.Zero))
        );
        Assert.AreEqual(
            new DateOnly(2027, 1, 1),
            clock.DateOf(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero))
        );
        Assert.AreEqual(
            new DateTimeOffset(2027, 1, 1, 7, 30, 0, TimeSpan.FromHours(8)).DateTime,
            clock.Local(clock.Now).DateTime,
            "times shown are Ulaanbaatar wall-clock times"
        );
        Assert.AreEqual(TimeSpan.FromHours(8), clock.Local(clock.Now).Offset);
    }

    [TestMethod]
    public void Another_time_zone_can_be_configured()
    {
        var clock = new ServiceClock(
            new FixedTime(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)),
            Settings("UTC")
        );

        Assert.AreEqual(new DateOnly(2026, 12, 31), clock.Today);
        Assert.AreEqual(
            new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
            clock.StartOf(new DateOnly(2026, 12, 31))
        );
    }

    [TestMethod]
    public async Task A_letter_delivered_at_17_00_utc_counts_in_the_statistics_of_the_next_ulaanbaatar_day()
    {
        using var factory = new ApiFactory("Sqlite");
        using var clerk = await ApiSession.StaffAsync(factory, "bichig");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001");
            var delivered = new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
            var letter = new Letter
            {
                SenderOrganizationId = Guid.NewGuid(),
                SenderRegistryNumber = "5123456",
                Subject = "Late evening in UTC",
                DocumentSha256 = new string('7', 64),
                ValidationReportJson = "{}",
                RecipientKey = "9011001",
                SubmittedAt = delivered,
            };
            letter.Deliveries.Add(
                new Delivery
                {
                    RecipientOrganizationId = agency.Id,
                    RecipientRegistryNumber = "9011001",
                    State = DeliveryState.Delivered,
                    DeliveredAt = delivered,
                }
            );
            db.Letters.Add(letter);
            await db.SaveChangesAsync();
        }

        var utcDay = await clerk.GetJsonAsync($"/api/stats?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var nextDay = await clerk.GetJsonAsync(
            $"/api/stats?from={day.AddDays(1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}"
        );

        Assert.AreEqual(0, utcDay.GetProperty("received").GetInt32(), "01:00 on the next day in Ulaanbaatar");
        Assert.AreEqual(1, nextDay.GetProperty("received").GetInt32());
        Assert.AreEqual(
            day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            nextDay.GetProperty("trend")[0].GetProperty("start").GetString()
        );
    }

    private static IOptions<ServiceOptions> Settings(string? timeZone = null) =>
        Options.Create(timeZone is null ? new ServiceOptions() : new ServiceOptions { TimeZone = timeZone });

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
