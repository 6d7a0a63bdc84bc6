using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Archive;

/// <summary>
/// GET /api/letters/{id}/archive: one letter's package (anyone who may read the letter).
/// GET /api/archive/export?from=&amp;to=: every letter the caller's agency sent or received in the period (archivist,
/// head or admin).
/// </summary>
internal static class ArchiveEndpoints
{
    public const string Policy = "archivist";

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("api/letters/{id:guid}/archive", LetterAsync).WithTags("Archive").RequireAuthorization();
        routes.MapGet("api/archive/export", PeriodAsync).WithTags("Archive").RequireAuthorization(Policy);
        return routes;
    }

    private static async Task<IResult> LetterAsync(
        Guid id,
        HttpContext context,
        ExchangeDbContext db,
        IArchiveStore archive,
        CancellationToken cancellationToken
    )
    {
        var letter = await LetterAccess
            .Readable(db, Caller.From(context.User)!)
            .AsNoTracking()
            .Include(l => l.Deliveries)
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return letter is null
            ? Problems.NotFound()
            : await SendAsync(
                db,
                archive,
                [letter],
                Caller.From(context.User)!,
                $"letter-{id:N}.zip",
                cancellationToken
            );
    }

    private static async Task<IResult> PeriodAsync(
        HttpContext context,
        ExchangeDbContext db,
        IArchiveStore archive,
        DateTimeOffset? from,
        DateTimeOffset? to,
        CancellationToken cancellationToken
    )
    {
        if (from is null || to is null || to <= from || to - from > TimeSpan.FromDays(400))
        {
            return Problems.Validation("from and to are required, in order, at most 400 days apart.");
        }

        var caller = Caller.From(context.User)!;
        var letters = await LetterAccess
            .Readable(db, caller)
            .AsNoTracking()
            .Include(l => l.Deliveries)
            .Where(l => l.SubmittedAt >= from && l.SubmittedAt < to)
            .OrderBy(l => l.SubmittedAt)
            .Take(10_000)
            .ToListAsync(cancellationToken);
        return await SendAsync(
            db,
            archive,
            letters,
            caller,
            $"archive-{caller.RegistryNumber}-{from:yyyyMMdd}-{to:yyyyMMdd}.zip",
            cancellationToken
        );
    }

    private static async Task<IResult> SendAsync(
        ExchangeDbContext db,
        IArchiveStore archive,
        List<Letter> letters,
        Caller caller,
        string name,
        CancellationToken cancellationToken
    )
    {
        var package = new MemoryStream();
        await ArchivePackage.WriteAsync(package, db, archive, letters, caller, cancellationToken);
        package.Position = 0;
        return TypedResults.File(package, "application/zip", name);
    }

    public static void AddPolicy(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) =>
        builder.AddPolicy(Policy, policy =>
            policy.RequireClaim(Caller.RoleClaim, AccessPolicy.RolesOf(Audience.Archivist))
        );
}
