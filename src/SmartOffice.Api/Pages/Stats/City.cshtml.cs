using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Stats;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Pages.Stats;

/// <summary>City-wide: every agency's figures side by side, for the service administrator; sortable; CSV.</summary>
[Authorize(Policy = WorkspacePolicies.ServiceAdmin)]
internal sealed class CityModel(AgencyStatistics statistics, ServiceClock clock, UiText text) : WorkspacePage
{
    public static readonly IReadOnlyList<string> SortKeys =
    [
        "median",
        "p90",
        "received",
        "answered",
        "overdue",
        "name",
    ];

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public CityStats Stats { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
        ?? File(
            StatsCsv.City(Stats, key => text[key]),
            "text/csv; charset=utf-8",
            $"stats-city-{Stats.From:yyyy-MM-dd}-{Stats.To:yyyy-MM-dd}.csv"
        );

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (StatsPeriod.Resolve(From, To, clock.Today) is not { } period)
        {
            Failure = text["stats.badPeriod"];
            return Redirect("/stats/city");
        }

        var stats = await statistics.ForCityAsync(period.From, period.To, cancellationToken);
        Sort = SortKeys.Contains(Sort ?? "", StringComparer.Ordinal) ? Sort : "median";
        IEnumerable<AgencyRow> rows = Sort switch
        {
            "p90" => stats.Agencies.OrderByDescending(r => r.P90HoursToAnswer ?? -1),
            "received" => stats.Agencies.OrderByDescending(r => r.Received),
            "answered" => stats.Agencies.OrderByDescending(r => r.Answered),
            "overdue" => stats.Agencies.OrderByDescending(r => r.Overdue),
            "name" => stats.Agencies.OrderBy(r => r.Name, StringComparer.CurrentCulture),
            _ => stats.Agencies,
        };
        Stats = stats with { Agencies = [.. rows] };
        return null;
    }
}
