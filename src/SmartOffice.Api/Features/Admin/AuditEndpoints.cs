using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Admin;

/// <summary>
/// GET /api/admin/audit (lines, by target) and /api/admin/audit/verify (is the chain intact; where does it break).
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.MapGet("audit/verify", async (AuditLog audit, CancellationToken cancellationToken) =>
            TypedResults.Ok(await audit.VerifyAsync(cancellationToken))
        );
        group.MapGet("audit", ListAsync);
        return group;
    }

    private static async Task<Ok<List<AuditEntry>>> ListAsync(
        ExchangeDbContext db,
        string? target,
        long? after,
        int? take,
        CancellationToken cancellationToken
    )
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Sequence > (after ?? 0));
        if (!string.IsNullOrEmpty(target))
        {
            entries = entries.Where(e => e.Target == target);
        }

        return TypedResults.Ok(
            await entries.OrderBy(e => e.Sequence).Take(Math.Clamp(take ?? 200, 1, 1000)).ToListAsync(cancellationToken)
        );
    }
}
