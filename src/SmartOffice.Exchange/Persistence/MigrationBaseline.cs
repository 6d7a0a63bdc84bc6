using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// The oldest database the migrations upgrade: one whose last applied migration is <see cref="MigrationId"/>, the ID
/// the first generated migration of each provider carries. A database that the earlier, hand-written migrations left
/// short of it has history rows of which none is known here; the first migration would then fail on a table that
/// exists, so this says what is wrong instead.
/// </summary>
internal static class MigrationBaseline
{
    public const string MigrationId = "20261204002000_IdempotencyFingerprints";

    public static async Task EnsureUpgradableAsync(ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (applied.Count > 0 && !applied.Exists(known.Contains))
        {
            throw new InvalidOperationException(
                $"The database's last migration is {applied.Max(StringComparer.Ordinal)}; this version upgrades "
                    + $"databases from {MigrationId} on. "
                    + "Start a version whose migrations reach it first."
            );
        }
    }
}
