using Microsoft.AspNetCore.Http.HttpResults;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Infrastructure;

namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// GET /api/stats (an agency's KPIs, for its staff) and /api/stats/city (all agencies, for service administrators).
/// </summary>
internal static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/stats").WithTags("Statistics").RequireAuthorization();
        group.MapGet("", AgencyAsync);
        group.MapGet("city", CityAsync).RequireAuthorization(Admin.AdminEndpoints.Policy);
        return routes;
    }

    private static async Task<Results<Ok<AgencyStats>, ProblemHttpResult>> AgencyAsync(
        DateOnly? from,
        DateOnly? to,
        string? agency,
        HttpContext context,
        AgencyStatistics statistics,
        ServiceClock clock,
        CancellationToken cancellationToken
    )
    {
        var caller = Caller.From(context.User)!;
        if (caller.HasRole(Exchange.Accounts.StaffRoles.ServiceAdmin) && string.IsNullOrWhiteSpace(agency))
        {
            return Problems.Validation(
                "a service administrator belongs to no agency: name one with ?agency=<registry number>."
            );
        }

        if (StatsPeriod.AgencyFor(caller, agency) is not { } registryNumber)
        {
            return Problems.Forbidden("Statistics are for agency staff (their own agency) and service administrators.");
        }

        if (StatsPeriod.Resolve(from, to, clock.Today) is not { } period)
        {
            return Problems.Validation(
                $"from must not be after to, and the period at most {StatsPeriod.MaxDays} days."
            );
        }

        return await statistics.ForAgencyAsync(registryNumber, period.From, period.To, cancellationToken) is { } stats
            ? TypedResults.Ok(stats)
            : Problems.NotFound("agency");
    }

    private static async Task<Results<Ok<CityStats>, ProblemHttpResult>> CityAsync(
        DateOnly? from,
        DateOnly? to,
        AgencyStatistics statistics,
        ServiceClock clock,
        CancellationToken cancellationToken
    ) =>
        StatsPeriod.Resolve(from, to, clock.Today) is { } period
            ? TypedResults.Ok(await statistics.ForCityAsync(period.From, period.To, cancellationToken))
            : Problems.Validation($"from must not be after to, and the period at most {StatsPeriod.MaxDays} days.");
}
