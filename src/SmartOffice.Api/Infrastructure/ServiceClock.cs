using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// The service's civil calendar. Dates that people see and type (today, due dates, overdue, statistics periods and
/// their days, the year in an incoming number, inbox date filters) are dates in <c>Service:TimeZone</c>, by default
/// Asia/Ulaanbaatar (UTC+8): with UTC dates, a clerk in Ulaanbaatar saw yesterday as "today" until 08:00 and letters
/// that arrived before 08:00 counted on the day before. Times shown in the workspace are in the same zone. Instants are
/// stored in UTC as before.
/// </summary>
internal sealed class ServiceClock
{
    public const string DefaultTimeZone = "Asia/Ulaanbaatar";
    private readonly TimeProvider _time;

    public ServiceClock(TimeProvider time, IOptions<ServiceOptions> service)
    {
        _time = time;
        Zone = Find(service?.Value.TimeZone ?? DefaultTimeZone);
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    public DateOnly Today => DateOf(_time.GetUtcNow());

    /// <summary>
    /// An instant as the service's wall-clock time, for display (the host's own time zone plays no part).
    /// </summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The service's date at an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a service date begins (its local midnight), in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultTimeZone)
        {
            // A host without time zone data: Mongolia has kept UTC+8 all year since 2017.
            return TimeZoneInfo.CreateCustomTimeZone(
                DefaultTimeZone,
                TimeSpan.FromHours(8),
                "Ulaanbaatar",
                "Ulaanbaatar"
            );
        }
    }
}
