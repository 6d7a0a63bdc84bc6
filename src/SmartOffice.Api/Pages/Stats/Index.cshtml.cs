using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Stats;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Pages.Stats;

/// <summary>An agency's KPIs for a period, in hours, with the trend, the top senders and a CSV export.</summary>
[Authorize(Policy = WorkspacePolicies.Staff)]
internal sealed class IndexModel(AgencyStatistics statistics, ServiceClock clock, UiText text) : WorkspacePage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public AgencyStats Stats { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
        ?? File(
            StatsCsv.Agency(Stats, key => text[key]),
            "text/csv; charset=utf-8",
            $"stats-{Stats.RegistryNumber}-{Stats.From:yyyy-MM-dd}-{Stats.To:yyyy-MM-dd}.csv"
        );

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        if (StatsPeriod.AgencyFor(Caller, Agency) is not { } agency)
        {
            return Forbid();
        }

        if (StatsPeriod.Resolve(From, To, Today) is not { } period)
        {
            Failure = text["stats.badPeriod"];
            return Redirect("/stats");
        }

        (From, To) = period;
        var stats = await statistics.ForAgencyAsync(agency, period.From, period.To, cancellationToken);
        if (stats is null)
        {
            return NotFound();
        }

        Stats = stats;
        return null;
    }
}
