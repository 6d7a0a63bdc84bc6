using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Audit;

/// <summary>
/// Appends audit lines in batches from one writer per process: a chain has one head, so concurrent appends
/// would otherwise fight over it. Each caller's task completes when its line is committed. Several processes
/// still serialize on the sequence primary key and retry a batch on the new head.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>();

    public Task AppendAsync(AuditEntry draft)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((draft, done)) ? done.Task : Task.FromException(new InvalidOperationException("the audit writer has stopped"));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await WriteBatchAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what was already accepted, then refuse more.
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryPeek(out _))
        {
            await WriteBatchAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteBatchAsync()
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Done)>();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        try
        {
            await WriteAsync([.. batch.Select(b => b.Entry)]).ConfigureAwait(false);
            batch.ForEach(b => b.Done.TrySetResult());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Writing {Count} audit lines failed", batch.Count);
            batch.ForEach(b => b.Done.TrySetException(exception));
        }
    }

    private async Task WriteAsync(List<AuditEntry> entries)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            if (!db.IsSqlite)
            {
                // Several processes append to one chain: take turns on PostgreSQL instead of colliding and retrying.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7355608)").ConfigureAwait(false);
            }

            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync().ConfigureAwait(false);
            var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditLog.Genesis);
            foreach (var entry in entries)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Hash = previous = AuditLog.HashOf(entry);
            }

            db.AuditEntries.AddRange(entries);
            try
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
                await transaction.CommitAsync().ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < 50)
            {
                // Another process appended meanwhile: chain onto its new head.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt)).ConfigureAwait(false);
            }
        }
    }
}
