using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Admin;

public sealed record AccountItem(
    string RegistryNumber,
    string? Name,
    DateTimeOffset CreatedAt,
    bool IsSuspended,
    bool IsFlagged,
    string? FlagReason,
    int Certificates
);

public sealed record CreateAccountRequest(string? RegistryNumber);

/// <summary>The service administrators' work on company accounts: list (flagged, suspended), create, suspend.</summary>
internal sealed class AccountAdministration(ExchangeDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<List<AccountItem>> ListAsync(bool? flagged, bool? suspended, CancellationToken cancellationToken)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (flagged is not null)
        {
            accounts = accounts.Where(a => a.IsFlagged == flagged);
        }

        if (suspended is not null)
        {
            accounts = accounts.Where(a => a.IsSuspended == suspended);
        }

        return await accounts
            .OrderBy(a => a.RegistryNumber)
            .Take(1000)
            .Select(a => new AccountItem(
                a.RegistryNumber,
                db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                a.CreatedAt,
                a.IsSuspended,
                a.IsFlagged,
                a.FlagReason,
                a.Certificates.Count
            ))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<AccountItem>> CreateAsync(
        CreateAccountRequest request,
        CancellationToken cancellationToken
    )
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(
            o => o.RegistryNumber == request.RegistryNumber,
            cancellationToken
        );
        if (organization is null)
        {
            return new Refusal(
                RefusalKind.Unprocessable,
                RefusalCodes.RecipientUnknown,
                "Unknown organization",
                $"No organization {request.RegistryNumber} in the directory."
            );
        }

        var account = new Account
        {
            OrganizationId = organization.Id,
            RegistryNumber = organization.RegistryNumber,
            CreatedAt = time.GetUtcNow(),
        };
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return AccountExists(organization);
        }

        return new AccountItem(account.RegistryNumber, organization.Name, account.CreatedAt, false, false, null, 0);
    }

    public static Refusal AccountExists(Exchange.Organizations.Organization organization) =>
        new(
            RefusalKind.Conflict,
            RefusalCodes.AccountExists,
            "The organization already has an account",
            $"{organization.Name} ({organization.RegistryNumber}) already has its one account; any certificate of "
                + $"the organization logs in to it."
        );

    public async Task<Refusal?> SetSuspendedAsync(
        Caller caller,
        string registryNumber,
        bool suspended,
        string? address,
        CancellationToken cancellationToken
    )
    {
        var changed = await db
            .Accounts.Where(a => a.RegistryNumber == registryNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsSuspended, suspended), cancellationToken);
        if (changed == 0)
        {
            return Refusal.NotFound("account");
        }

        await audit.AppendAsync(
            caller.Actor,
            caller.RegistryNumber,
            suspended ? "account.suspended" : "account.unsuspended",
            registryNumber,
            address,
            cancellationToken: cancellationToken
        );
        return null;
    }
}
