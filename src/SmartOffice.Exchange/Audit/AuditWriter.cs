using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Audit;

/// <summary>
/// Commits audit drafts that have no transaction of their own to join (reads, settings), many per INSERT under load.
/// Each caller's task completes when its draft is committed; <see cref="AuditChainer"/> chains it afterwards.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, AuditChainer chainer, ILogger<AuditWriter> logger)
    : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<(AuditDraft Draft, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(
        AuditDraft,
        TaskCompletionSource
    )>();

    public Task AppendAsync(AuditDraft draft)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((draft, done))
            ? done.Task
            : Task.FromException(new InvalidOperationException("the audit writer has stopped"));
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
        var batch = new List<(AuditDraft Draft, TaskCompletionSource Done)>();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            db.AuditDrafts.AddRange(batch.Select(b => b.Draft));
            await db.SaveChangesAsync().ConfigureAwait(false);
            chainer.Notify();
            batch.ForEach(b => b.Done.TrySetResult());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Writing {Count} audit lines failed", batch.Count);
            batch.ForEach(b => b.Done.TrySetException(exception));
        }
    }
}
