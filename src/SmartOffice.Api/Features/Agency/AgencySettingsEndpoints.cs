using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Agency;

public sealed record AgencySettings(string RegistryNumber, string Name, int? DueWorkingDays, int DefaultDueWorkingDays);

public sealed record SaveAgencySettingsRequest(int? DueWorkingDays);

/// <summary>
/// GET/PUT /api/agency/settings: the agency's own defaults, today the working days an executor gets to answer
/// (null = the service default, Deadlines:DefaultWorkingDays). Agency admins only.
/// </summary>
internal static class AgencySettingsEndpoints
{
    public const int MaximumDueWorkingDays = 90;

    public static RouteGroupBuilder MapAgencySettings(this RouteGroupBuilder group)
    {
        group.MapGet("settings", GetAsync);
        group.MapPut("settings", SaveAsync);
        return group;
    }

    internal static async Task<Results<Ok<AgencySettings>, ProblemHttpResult>> GetAsync(HttpContext context, ExchangeDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User)!;
        var settings = await db.Organizations.AsNoTracking().Where(o => o.Id == caller.OrganizationId)
            .Select(o => new AgencySettings(o.RegistryNumber, o.Name, o.DueWorkingDays, 0)).FirstOrDefaultAsync(cancellationToken);
        return settings is null
            ? Problems.NotFound("organization")
            : TypedResults.Ok(settings with { DefaultDueWorkingDays = DefaultDueWorkingDays(configuration) });
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SaveAsync(SaveAgencySettingsRequest request, HttpContext context, ExchangeDbContext db, SmartOffice.Exchange.Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        if (request.DueWorkingDays is < 1 or > MaximumDueWorkingDays)
        {
            return Problems.Validation($"dueWorkingDays must be between 1 and {MaximumDueWorkingDays}, or null for the service default.");
        }

        var caller = Caller.From(context.User)!;
        await db.Organizations.Where(o => o.Id == caller.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.DueWorkingDays, request.DueWorkingDays), cancellationToken);
        await audit.AppendAsync(caller.Actor, caller.RegistryNumber, "agency.settings", caller.RegistryNumber, context.Connection.RemoteIpAddress?.ToString(),
            $"dueWorkingDays={request.DueWorkingDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}", cancellationToken);
        return TypedResults.NoContent();
    }

    public static int DefaultDueWorkingDays(IConfiguration configuration) => configuration.GetValue("Deadlines:DefaultWorkingDays", 10);
}
