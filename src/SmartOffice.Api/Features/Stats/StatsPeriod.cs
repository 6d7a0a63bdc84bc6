using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// The period and the agency a caller asks statistics for, with the rules: last 30 days by default, at most five years;
/// own agency unless a service admin.
/// </summary>
internal static class StatsPeriod
{
    public const int MaxDays = 5 * 366;

    public static (DateOnly From, DateOnly To)? Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(-29);
        return start > end || end.DayNumber - start.DayNumber > MaxDays ? null : (start, end);
    }

    /// <summary>
    /// The agency whose figures the caller may see: its own, or any one for a service administrator; null = none.
    /// </summary>
    public static string? AgencyFor(Caller caller, string? requested)
    {
        if (caller.HasRole(StaffRoles.ServiceAdmin) && !string.IsNullOrWhiteSpace(requested))
        {
            return requested.Trim();
        }

        return caller.StaffUserId is not null && caller.IsAgency ? caller.RegistryNumber : null;
    }
}
