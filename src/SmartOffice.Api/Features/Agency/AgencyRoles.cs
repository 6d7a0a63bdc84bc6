using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Api.Features.Agency;

/// <summary>
/// The roles an agency admin may give (service administration is granted by the service, not by an agency).
/// </summary>
internal static class AgencyRoles
{
    public static readonly IReadOnlyList<string> Grantable =
    [
        .. StaffRoles.All.Where(r => r != StaffRoles.ServiceAdmin),
    ];
}
