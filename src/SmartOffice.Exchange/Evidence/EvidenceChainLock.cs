using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Evidence;

/// <summary>
/// Appending to a letter's evidence chain reads its last evidence and links the new one to it; two transactions doing
/// that at once for one letter would both link to the same evidence and fork the chain. On PostgreSQL the letter rows
/// are locked for the rest of the caller's transaction first (in id order, so two lockers never wait on each other in
/// a cycle). SQLite has one writer at a time: a transaction that has written already holds the whole database.
/// </summary>
public static class EvidenceChainLock
{
    public static async Task LockAsync(
        ExchangeDbContext db,
        IEnumerable<Guid> letterIds,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(letterIds);
        var ids = letterIds.Distinct().ToArray();
        if (db.IsSqlite || ids.Length == 0)
        {
            return;
        }

        await db
            .Database.ExecuteSqlAsync(
                $"""SELECT 1 FROM "Letters" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""",
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
