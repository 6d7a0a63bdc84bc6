using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// The service's own organization, home of its administrators: not an agency, so no agency admin can see, change or
/// become a service administrator. Users holding the service-admin role elsewhere are moved here at start.
/// </summary>
internal static class ServiceOrganization
{
    public const string RegistryNumber = "SERVICE";

    public static async Task<Organization> EnsureAsync(
        ExchangeDbContext db,
        DateTimeOffset now,
        CancellationToken cancellationToken = default
    )
    {
        var service = await db.Organizations.FirstOrDefaultAsync(
            o => o.RegistryNumber == RegistryNumber,
            cancellationToken
        );
        if (service is null)
        {
            service = new Organization
            {
                RegistryNumber = RegistryNumber,
                Name = "SmartOffice",
                Kind = OrganizationKind.Service,
                CreatedAt = now,
            };
            db.Organizations.Add(service);
            await db.SaveChangesAsync(cancellationToken);
        }

        var misplaced = await db
            .StaffUsers.Where(u => u.OrganizationId != service.Id && u.Roles.Contains(StaffRoles.ServiceAdmin))
            .ToListAsync(cancellationToken);
        foreach (var user in misplaced.Where(u => u.HasRole(StaffRoles.ServiceAdmin)))
        {
            user.OrganizationId = service.Id;
            user.Roles = StaffRoles.ServiceAdmin;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        await db.SaveChangesAsync(cancellationToken);
        return service;
    }
}
