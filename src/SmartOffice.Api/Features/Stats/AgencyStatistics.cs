using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// The KPIs the seed documents ask for, in hours: per agency and period, and city-wide. Only the needed columns of
/// the period's deliveries are read and the medians and percentiles computed in memory: the same code on SQLite and
/// PostgreSQL (SQLite has no percentile function), and a month of a busy agency is a few thousand small rows.
/// </summary>
internal sealed class AgencyStatistics(ExchangeDbContext db, ServiceClock clock)
{
    private const int TopSenderCount = 10;
    private const int DailyTrendMaxDays = 62;

    private sealed record Row(
        Guid Agency,
        string Sender,
        DateTimeOffset DeliveredAt,
        DateTimeOffset? RegisteredAt,
        DateTimeOffset? AnsweredAt,
        DateTimeOffset? ClosedAt,
        DeliveryState State,
        DateOnly? DueDate
    );

    public async Task<AgencyStats?> ForAgencyAsync(
        string registryNumber,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    )
    {
        var agency = await db
            .Organizations.AsNoTracking()
            .FirstOrDefaultAsync(
                o => o.RegistryNumber == registryNumber && o.Kind == OrganizationKind.Agency,
                cancellationToken
            );
        if (agency is null)
        {
            return null;
        }

        var rows = await RowsAsync(
            db.Deliveries.Where(d => d.RecipientOrganizationId == agency.Id),
            from,
            to,
            cancellationToken
        );
        var today = Today;
        var senders = rows.GroupBy(r => r.Sender)
            .Select(g => (Number: g.Key, Count: g.Count()))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Number, StringComparer.Ordinal)
            .Take(TopSenderCount)
            .ToList();
        var numbers = senders.Select(s => s.Number).ToList();
        var names = await db
            .Organizations.AsNoTracking()
            .Where(o => numbers.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        var toRegister = Hours(
            rows.Where(r => r.RegisteredAt is not null).Select(r => r.RegisteredAt!.Value - r.DeliveredAt)
        );
        var toAnswer = Hours(
            rows.Where(r => r.AnsweredAt is not null).Select(r => r.AnsweredAt!.Value - r.DeliveredAt)
        );
        var (unit, trend) = Trend(rows, from, to);
        return new AgencyStats(
            agency.RegistryNumber,
            agency.Name,
            from,
            to,
            rows.Count,
            rows.Count(r => r.RegisteredAt is not null),
            rows.Count(r => r.AnsweredAt is not null),
            // Finished without an answer from this agency: closed, or forwarded to the competent one.
            rows.Count(r => r.State is DeliveryState.Closed or DeliveryState.Forwarded),
            rows.Count(r => IsOverdue(r, today)),
            Percentile.Of(toRegister, 0.5),
            Percentile.Of(toRegister, 0.9),
            Percentile.Of(toAnswer, 0.5),
            Percentile.Of(toAnswer, 0.9),
            [.. senders.Select(s => new SenderCount(s.Number, names.GetValueOrDefault(s.Number), s.Count))],
            unit,
            trend
        );
    }

    /// <summary>Every agency that received letters in the period, the slowest median answer first.</summary>
    public async Task<CityStats> ForCityAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var agencies = await db
            .Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Agency)
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var agencyIds = agencies.Keys.ToList();
        var rows = await RowsAsync(
            db.Deliveries.Where(d => agencyIds.Contains(d.RecipientOrganizationId)),
            from,
            to,
            cancellationToken
        );
        var today = Today;
        var table = rows.GroupBy(r => r.Agency)
            .Select(g =>
            {
                var toAnswer = Hours(
                    g.Where(r => r.AnsweredAt is not null).Select(r => r.AnsweredAt!.Value - r.DeliveredAt)
                );
                var agency = agencies[g.Key];
                return new AgencyRow(
                    agency.RegistryNumber,
                    agency.Name,
                    g.Count(),
                    g.Count(r => r.RegisteredAt is not null),
                    g.Count(r => r.AnsweredAt is not null),
                    g.Count(r => IsOverdue(r, today)),
                    Percentile.Of(toAnswer, 0.5),
                    Percentile.Of(toAnswer, 0.9)
                );
            })
            .OrderByDescending(r => r.MedianHoursToAnswer ?? -1)
            .ThenByDescending(r => r.Overdue)
            .ThenBy(r => r.RegistryNumber, StringComparer.Ordinal)
            .ToList();
        return new CityStats(from, to, table);
    }

    private DateOnly Today => clock.Today;

    private static bool IsOverdue(Row row, DateOnly today) =>
        row.State == DeliveryState.Assigned && row.DueDate is { } due && due < today;

    private async Task<List<Row>> RowsAsync(
        IQueryable<Delivery> deliveries,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    )
    {
        var start = clock.StartOf(from);
        var end = clock.StartOf(to.AddDays(1));
        return await deliveries
            .AsNoTracking()
            .Where(DeliveryRules.Received)
            .Where(d => d.DeliveredAt != null && d.DeliveredAt >= start && d.DeliveredAt < end)
            .Select(d => new Row(
                d.RecipientOrganizationId,
                d.Letter!.SenderRegistryNumber,
                d.DeliveredAt!.Value,
                d.RegisteredAt,
                d.AnsweredAt,
                d.ClosedAt,
                d.State,
                d.DueDate
            ))
            .ToListAsync(cancellationToken);
    }

    private static List<double> Hours(IEnumerable<TimeSpan> durations) =>
        [.. durations.Select(d => Math.Max(0, d.TotalHours)).Order()];

    // Days for up to two months, weeks (starting on Monday) beyond: a chart stays readable either way.
    private (string Unit, List<TrendPoint> Points) Trend(List<Row> rows, DateOnly from, DateOnly to)
    {
        var weekly = to.DayNumber - from.DayNumber + 1 > DailyTrendMaxDays;
        DateOnly Bucket(DateOnly day) => weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var received = rows.GroupBy(r => Bucket(clock.DateOf(r.DeliveredAt))).ToDictionary(g => g.Key, g => g.Count());
        var answered = rows.Where(r => r.AnsweredAt is not null)
            .GroupBy(r => Bucket(clock.DateOf(r.AnsweredAt!.Value)))
            .ToDictionary(g => g.Key, g => g.Count());
        var points = new List<TrendPoint>();
        for (var day = Bucket(from); day <= to; day = day.AddDays(weekly ? 7 : 1))
        {
            points.Add(new TrendPoint(day, received.GetValueOrDefault(day), answered.GetValueOrDefault(day)));
        }

        return (weekly ? "week" : "day", points);
    }
}
