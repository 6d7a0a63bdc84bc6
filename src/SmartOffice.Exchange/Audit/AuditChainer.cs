using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Audit;

/// <summary>
/// Moves committed <see cref="AuditDraft"/>s into the hash chain, in batches, in the background of every Api and
/// Worker process. A chain has one head, so processes take turns (a PostgreSQL advisory lock; SQLite has one writer).
/// Taking the chain off the request path took ~200 ms of waiting off each submission and delivery under load. A draft
/// is deleted in the same transaction that chains it, so a line is never lost or chained twice.
/// </summary>
public sealed class AuditChainer(IServiceScopeFactory scopes, ILogger<AuditChainer> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private const long ChainLockKey = 7355608;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    // Lines arriving together are chained together: one transaction per gathering instead of one per line.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }
    );

    // Never disposed: a host disposed without being stopped may still be chaining its last batch, and a SemaphoreSlim
    // holds no handle to release unless AvailableWaitHandle is used.
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Asks for a chaining pass soon (a draft was committed in this process).</summary>
    public void Notify() => _signals.Writer.TryWrite(true);

    /// <summary>Chains every draft committed so far; returns how many lines were added.</summary>
    public async Task<int> ChainPendingAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var total = 0;
            int chained;
            do
            {
                chained = await ChainBatchAsync(cancellationToken).ConfigureAwait(false);
                total += chained;
            } while (chained == BatchSize);
            return total;
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForSignalAsync(stoppingToken).ConfigureAwait(false);

                await Task.Delay(Gather, stoppingToken).ConfigureAwait(false);
                await ChainPendingAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures++;
                logger.LogError(
                    exception,
                    "Chaining audit lines failed ({Failures} in a row); the drafts stay committed and are retried",
                    failures
                );
                await Task.Delay(
                        TimeSpan.FromMilliseconds(Math.Min(30_000, 100 * Math.Pow(2, Math.Min(failures, 9)))),
                        stoppingToken
                    )
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        try
        {
            // Stopping: chain what is committed, so a clean shutdown leaves no drafts behind.
            await ChainPendingAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(
                exception,
                "Audit drafts left unchained at shutdown; the next process to start chains them"
            );
        }
    }

    private async Task WaitForSignalAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Poll);
        try
        {
            await _signals.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // No signal: poll anyway (drafts committed by other processes, or by a process that died).
        }
    }

    private async Task<int> ChainBatchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            if (!await db.AuditDrafts.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                // Idle: no transaction and no turn on the lock for every process's poll.
                return 0;
            }

            await using var transaction = await db
                .Database.BeginTransactionAsync(cancellationToken)
                .ConfigureAwait(false);
            if (!db.IsSqlite)
            {
                await db
                    .Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken)
                    .ConfigureAwait(false);
            }

            var drafts = await db
                .AuditDrafts.AsNoTracking()
                .OrderBy(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            if (drafts.Count == 0)
            {
                return 0;
            }

            var head = await db
                .AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditLog.Genesis);
            foreach (var draft in drafts)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    Time = draft.Time,
                    Actor = draft.Actor,
                    Organization = draft.Organization,
                    Action = draft.Action,
                    Target = draft.Target,
                    Address = draft.Address,
                    Details = draft.Details,
                    PreviousHash = previous,
                    Hash = "",
                };
                entry.Hash = previous = AuditLog.HashOf(entry);
                db.AuditEntries.Add(entry);
            }

            try
            {
                // By their ids, in one statement: a draft with a lower id may still be uncommitted, so never by range.
                var ids = drafts.Select(d => d.Id).ToList();
                var deleted = await db
                    .AuditDrafts.Where(d => ids.Contains(d.Id))
                    .ExecuteDeleteAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (deleted != drafts.Count)
                {
                    throw new DbUpdateConcurrencyException(
                        $"{drafts.Count - deleted} audit drafts were chained by another process meanwhile"
                    );
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return drafts.Count;
            }
            catch (DbUpdateException exception)
                when (attempt < 20 && (exception.IsUniqueViolation() || exception is DbUpdateConcurrencyException))
            {
                // Another process chained meanwhile (a head it wrote, or these very drafts): start again from the new
                // head.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
