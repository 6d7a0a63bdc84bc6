using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Organizations;

public sealed record OrganizationItem(
    string RegistryNumber,
    string Name,
    string Kind,
    string? ParentRegistryNumber,
    string Status
);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>GET /api/organizations: the directory, searchable by name or registry number.</summary>
public static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("api/organizations").WithTags("Directory").RequireAuthorization().MapGet("", SearchAsync);
        return routes;
    }

    private static async Task<Ok<PagedList<OrganizationItem>>> SearchAsync(
        ExchangeDbContext db,
        string? query,
        string? kind,
        int page = 1,
        int pageSize = 50,
        CancellationToken cancellationToken = default
    )
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var organizations = db
            .Organizations.AsNoTracking()
            .Where(o => o.Status != OrganizationStatus.Removed && o.Kind != OrganizationKind.Service);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            var lowered = text.ToLowerInvariant();
            organizations = organizations.Where(o =>
                o.RegistryNumber.StartsWith(text) || o.SearchName.Contains(lowered)
            );
        }

        if (Enum.TryParse<OrganizationKind>(kind, ignoreCase: true, out var parsedKind))
        {
            organizations = organizations.Where(o => o.Kind == parsedKind);
        }

        var total = await organizations.CountAsync(cancellationToken);
        var items = await organizations
            .OrderBy(o => o.Name)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new OrganizationItem(
                o.RegistryNumber,
                o.Name,
                o.Kind.ToString(),
                o.ParentRegistryNumber,
                o.Status.ToString()
            ))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<OrganizationItem>(items, page, pageSize, total));
    }
}
