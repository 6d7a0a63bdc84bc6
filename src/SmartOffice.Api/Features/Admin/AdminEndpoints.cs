using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Errors;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Admin;

public sealed record AccountItem(string RegistryNumber, string? Name, DateTimeOffset CreatedAt, bool IsSuspended, bool IsFlagged, string? FlagReason, int Certificates);

public sealed record CreateAccountRequest(string? RegistryNumber);

/// <summary>Service administration: accounts (create, suspend, flagged list). Service administrators only.</summary>
internal static class AdminEndpoints
{
    public const string Policy = "service-admin";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/admin").WithTags("Administration").RequireAuthorization(Policy);
        group.MapGet("accounts", ListAccountsAsync);
        group.MapPost("accounts", CreateAccountAsync);
        group.MapPost("accounts/{registryNumber}/suspend", (string registryNumber, HttpContext context, ExchangeDbContext db, SmartOffice.Exchange.Audit.AuditLog audit, CancellationToken ct) => SetSuspendedAsync(registryNumber, true, context, db, audit, ct));
        group.MapPost("accounts/{registryNumber}/unsuspend", (string registryNumber, HttpContext context, ExchangeDbContext db, SmartOffice.Exchange.Audit.AuditLog audit, CancellationToken ct) => SetSuspendedAsync(registryNumber, false, context, db, audit, ct));
        group.MapTrustApi();
        group.MapAuditApi();
        return routes;
    }

    internal static async Task<Ok<List<AccountItem>>> ListAccountsAsync(ExchangeDbContext db, bool? flagged, bool? suspended, CancellationToken cancellationToken)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (flagged is not null) { accounts = accounts.Where(a => a.IsFlagged == flagged); }
        if (suspended is not null) { accounts = accounts.Where(a => a.IsSuspended == suspended); }
        var items = await accounts.OrderBy(a => a.RegistryNumber).Take(1000)
            .Select(a => new AccountItem(a.RegistryNumber, db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault(), a.CreatedAt, a.IsSuspended, a.IsFlagged, a.FlagReason, a.Certificates.Count))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Created<AccountItem>, ProblemHttpResult>> CreateAccountAsync(CreateAccountRequest request, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.RegistryNumber == request.RegistryNumber, cancellationToken);
        if (organization is null)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.RecipientUnknown, "Unknown organization", $"No organization {request.RegistryNumber} in the directory.");
        }

        var account = new Account { OrganizationId = organization.Id, RegistryNumber = organization.RegistryNumber };
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return AccountExists(organization);
        }

        return TypedResults.Created($"/api/admin/accounts/{account.RegistryNumber}", new AccountItem(account.RegistryNumber, organization.Name, account.CreatedAt, false, false, null, 0));
    }

    internal static ProblemHttpResult AccountExists(Organization organization) =>
        Problems.Create(StatusCodes.Status409Conflict, ProblemCodes.AccountExists, "The organization already has an account",
            $"{organization.Name} ({organization.RegistryNumber}) already has its one account; any certificate of the organization logs in to it.");

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetSuspendedAsync(string registryNumber, bool suspended, HttpContext context, ExchangeDbContext db, SmartOffice.Exchange.Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        var changed = await db.Accounts.Where(a => a.RegistryNumber == registryNumber).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsSuspended, suspended), cancellationToken);
        if (changed == 0)
        {
            return Problems.NotFound("account");
        }

        var caller = SmartOffice.Api.Auth.Caller.From(context.User)!;
        await audit.AppendAsync(caller.Actor, caller.RegistryNumber, suspended ? "account.suspended" : "account.unsuspended", registryNumber, context.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}
