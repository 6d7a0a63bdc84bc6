using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Refusals;

namespace SmartOffice.Exchange.Letters;

/// <summary>
/// Every step in a letter's life (submission, delivery, first opening, each clerk action) is one unit of work:
/// begin a transaction, lock the letters' evidence chains, let the step read, check and change state and add its
/// evidence, webhook events and audit drafts, then commit. A refused step changes nothing. Archiving and live
/// notification follow the commit, done by the caller, because they read what was committed.
/// </summary>
public static class LetterStep
{
    public static async Task<Outcome<T>> RunAsync<T>(
        ExchangeDbContext db,
        IReadOnlyCollection<Guid> letterIds,
        Func<CancellationToken, Task<Outcome<T>>> step,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await EvidenceChainLock.LockAsync(db, letterIds, cancellationToken).ConfigureAwait(false);
        var outcome = await step(cancellationToken).ConfigureAwait(false);
        if (outcome.IsRefused)
        {
            // Nothing of a refused step is kept; the rollback happens as the transaction is disposed.
            db.ChangeTracker.Clear();
            return outcome;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
