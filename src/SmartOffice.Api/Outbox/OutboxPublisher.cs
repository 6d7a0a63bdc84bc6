using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Outbox;

/// <summary>
/// Publishes committed outbox rows to the bus. Rows are claimed with a short lease (Outbox:LeaseSeconds, 5) renewed
/// while they are published: several Api instances never publish the same row at once, and a crashed instance's
/// rows are taken over within seconds, when its lease runs out. Published with broker confirms (MassTransit's RabbitMQ
/// publish completes only when the broker confirmed) and marked sent only after. Failures back off exponentially and
/// are retried forever: an accepted letter is never dropped.
/// </summary>
internal sealed class OutboxPublisher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> outbox,
    ILogger<OutboxPublisher> logger
) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly Dictionary<string, Type> MessageTypes = new(StringComparer.Ordinal)
    {
        [typeof(LetterSubmitted).FullName!] = typeof(LetterSubmitted),
    };
    private readonly string _instance = Truncate(
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}",
        60
    );

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!outbox.Value.Enabled)
        {
            logger.LogWarning(
                "Outbox publishing is disabled (Outbox:Enabled=false): accepted letters wait in the outbox"
            );
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                failures = 0;
                if (published < BatchSize)
                {
                    await signal.WaitAsync(Poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 200 * Math.Pow(2, Math.Min(failures, 8))));
                logger.LogWarning(
                    exception,
                    "Outbox publishing failed ({Failures} in a row); retrying in {Delay}",
                    failures,
                    delay
                );
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var now = time.GetUtcNow();
        var lease = TimeSpan.FromSeconds(outbox.Value.LeaseSeconds);
        var claim = Truncate($"{_instance}:{Guid.NewGuid():N}", 100);
        var candidates = await db
            .OutboxMessages.Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        // The conditions are repeated in the UPDATE so a row another instance claimed meanwhile is skipped.
        await db
            .OutboxMessages.Where(m =>
                candidates.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now)
            )
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, now + lease),
                cancellationToken
            );
        // Looked up by key among the candidates (ClaimedBy has no index of its own).
        var rows = await db
            .OutboxMessages.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.ClaimedBy == claim && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        // The whole batch is published at once: the broker's confirms arrive pipelined instead of one round trip
        // each, and one UPDATE marks every confirmed row sent. A crash in between republishes (at-least-once); the
        // consumer is idempotent per (letter, recipient).
        var publishing = Task.WhenAll(rows.Select(row => PublishOneAsync(publisher, row, cancellationToken)));
        await RenewWhilePublishingAsync(
            db,
            rows.Select(r => r.Id).ToList(),
            claim,
            lease,
            publishing,
            cancellationToken
        );
        var outcomes = await publishing;
        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Row.Id).ToList();
        if (sent.Count > 0)
        {
            var sentAt = time.GetUtcNow();
            await db
                .OutboxMessages.Where(m => sent.Contains(m.Id))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1),
                    CancellationToken.None
                );
        }

        var failed = outcomes.Where(o => o.Error is not null).ToList();
        foreach (var (row, error) in failed)
        {
            var retryAt = time.GetUtcNow().AddSeconds(Math.Min(300, Math.Pow(2, Math.Min(row.Attempts, 8))));
            var message = error!.Message.Length > 1000 ? error.Message[..1000] : error.Message;
            await db
                .OutboxMessages.Where(m => m.Id == row.Id)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(m => m.Attempts, row.Attempts + 1)
                            .SetProperty(m => m.LastError, message)
                            .SetProperty(m => m.ClaimedUntil, retryAt),
                    CancellationToken.None
                );
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException(
                $"{failed.Count} of {rows.Count} outbox messages were not published",
                failed[0].Error
            );
        }

        return rows.Count;
    }

    // A broker slow to confirm must not let the lease run out under a live instance: another one would publish the
    // same rows again. A renewal that fails (database gone) ends renewing; the rows are then marked or retried as
    // usual.
    private async Task RenewWhilePublishingAsync(
        ExchangeDbContext db,
        List<long> ids,
        string claim,
        TimeSpan lease,
        Task publishing,
        CancellationToken cancellationToken
    )
    {
        while (
            !cancellationToken.IsCancellationRequested
            && await Task.WhenAny(publishing, Task.Delay(lease / 3, time, cancellationToken)) != publishing
        )
        {
            var until = time.GetUtcNow() + lease;
            try
            {
                await db
                    .OutboxMessages.Where(m => ids.Contains(m.Id) && m.ClaimedBy == claim && m.SentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(
                    exception,
                    "The outbox lease could not be renewed; another instance may publish these rows too"
                );
                return;
            }
        }
    }

    private async Task<(OutboxMessage Row, Exception? Error)> PublishOneAsync(
        IPublishEndpoint publisher,
        OutboxMessage row,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var type = MessageTypes[row.MessageType];
            var message = JsonSerializer.Deserialize(row.Payload, type, SmartOffice.Exchange.ExchangeJson.Options)!;
            await publisher.Publish(
                message,
                type,
                context => context.CorrelationId = Guid.TryParse(row.CorrelationId, out var id) ? id : null,
                cancellationToken
            );
            logger.LogDebug("Outbox message {OutboxId} published", row.Id);
            return (row, null);
        }
        catch (Exception exception)
        {
            return (row, exception);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
