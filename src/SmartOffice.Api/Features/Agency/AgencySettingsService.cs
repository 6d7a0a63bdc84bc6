using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Agency;

public sealed record AgencySettings(string RegistryNumber, string Name, int? DueWorkingDays, int DefaultDueWorkingDays);

public sealed record SaveAgencySettingsRequest(int? DueWorkingDays);

/// <summary>
/// The agency's own defaults, today the working days an executor gets to answer (null = the service default,
/// Deadlines:DefaultWorkingDays), for the API and the agency admin's page alike.
/// </summary>
internal sealed class AgencySettingsService(ExchangeDbContext db, AuditLog audit, IOptions<DeadlinesOptions> deadlines)
{
    public const int MaximumDueWorkingDays = 90;

    public async Task<Outcome<AgencySettings>> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        var settings = await db
            .Organizations.AsNoTracking()
            .Where(o => o.Id == caller.OrganizationId)
            .Select(o => new AgencySettings(o.RegistryNumber, o.Name, o.DueWorkingDays, 0))
            .FirstOrDefaultAsync(cancellationToken);
        return settings is null
            ? Refusal.NotFound("organization")
            : settings with
            {
                DefaultDueWorkingDays = deadlines.Value.DefaultWorkingDays,
            };
    }

    public async Task<Refusal?> SaveAsync(
        Caller caller,
        SaveAgencySettingsRequest request,
        string? address,
        CancellationToken cancellationToken
    )
    {
        if (request.DueWorkingDays is < 1 or > MaximumDueWorkingDays)
        {
            return Refusal
                .Invalid(
                    $"dueWorkingDays must be between 1 and {MaximumDueWorkingDays}, or null for the service default."
                )
                .Says("refusal.agency.dueDays", MaximumDueWorkingDays);
        }

        await db
            .Organizations.Where(o => o.Id == caller.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DueWorkingDays, request.DueWorkingDays), cancellationToken);
        await audit.AppendAsync(
            caller.Actor,
            caller.RegistryNumber,
            "agency.settings",
            caller.RegistryNumber,
            address,
            "dueWorkingDays="
                + (request.DueWorkingDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"),
            cancellationToken
        );
        return null;
    }
}
