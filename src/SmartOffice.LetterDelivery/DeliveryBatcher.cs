using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Refusals;

namespace SmartOffice.LetterDelivery;

/// <summary>
/// What one LetterSubmitted came to: the letter, its evidences in event order (new ones included) and the deliveries
/// made.
/// </summary>
public sealed record DeliveryOutcome(
    Letter Letter,
    IReadOnlyList<EvidenceRecord> Evidences,
    IReadOnlyList<LetterDelivered> Delivered
);

/// <summary>
/// Delivers the letters of concurrently consumed messages together: the messages waiting when a lane is free are read
/// in three queries, claimed in one conditional UPDATE per outcome and committed in one transaction with their sealed
/// evidences, webhook events and audit lines. Each message still completes or fails on its own (an unknown letter
/// fails only its message), so the bus's retries and error queue work per message as before.
/// Exactly once per (letter, recipient): a claim moves only Queued deliveries; if a batch claims fewer than it read
/// (a duplicated message delivered some meanwhile), it is rolled back and its letters are delivered one claim at a
/// time.
/// </summary>
public sealed class DeliveryBatcher : IAsyncDisposable
{
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(
        new UnboundedChannelOptions { SingleReader = false }
    );
    private readonly IServiceScopeFactory _scopes;
    private readonly EvidenceWriter _evidence;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryBatcher> _logger;
    private readonly int _maxBatch;
    private readonly Task[] _lanes;

    public DeliveryBatcher(
        IServiceScopeFactory scopes,
        EvidenceWriter evidence,
        TimeProvider time,
        IOptions<DeliveryOptions> options,
        ILogger<DeliveryBatcher> logger
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _evidence = evidence;
        _time = time;
        _logger = logger;
        _maxBatch = Math.Max(1, options.Value.MaxBatch);
        // Several lanes: while one batch waits for its commit, others read and seal.
        _lanes = [.. Enumerable.Range(0, Math.Max(1, options.Value.Lanes)).Select(_ => Task.Run(RunLaneAsync))];
    }

    private sealed record Request(
        LetterSubmitted Message,
        TaskCompletionSource<DeliveryOutcome> Completion,
        CancellationToken CancellationToken
    );

    private sealed record Target(Delivery Delivery, OrganizationStatus? RecipientStatus, bool RecipientHasWebhook)
    {
        public string? Failure =>
            RecipientStatus is null ? "the recipient is no longer in the directory"
            : RecipientStatus != OrganizationStatus.Active
                ? $"the recipient is {RecipientStatus.Value.ToString().ToLowerInvariant()}"
            : null;
    }

    private sealed record LetterWork(
        Letter Letter,
        string? CorrelationId,
        bool SenderHasWebhook,
        List<EvidenceRecord> Evidences,
        List<Target> Targets,
        List<LetterDelivered> Delivered
    );

    public Task<DeliveryOutcome> DeliverAsync(LetterSubmitted message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completion = new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite(new Request(message, completion, cancellationToken)))
        {
            completion.SetException(new OperationCanceledException("deliveries are shutting down"));
        }

        return completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await Task.WhenAll(_lanes).ConfigureAwait(false);
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<Request>(_maxBatch);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _requests.Reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Completion.TrySetCanceled(request.CancellationToken);
                }
                else
                {
                    batch.Add(request);
                }
            }

            if (batch.Count > 0)
            {
                await ProcessAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task ProcessAsync(List<Request> batch)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var work = await LoadAsync(db, batch).ConfigureAwait(false);
            if (!await DeliverTogetherAsync(db, audit, work.Values).ConfigureAwait(false))
            {
                foreach (var letter in work.Values)
                {
                    await DeliverOneByOneAsync(db, audit, letter).ConfigureAwait(false);
                }
            }

            foreach (var request in batch)
            {
                if (work.TryGetValue(request.Message.LetterId, out var letter))
                {
                    // A duplicated message in the same batch reports the deliveries once, with the first copy.
                    var delivered = letter.Delivered.ToList();
                    letter.Delivered.Clear();
                    request.Completion.TrySetResult(new DeliveryOutcome(letter.Letter, letter.Evidences, delivered));
                }
                else
                {
                    // The outbox commits the letter before the message exists, so this is a foreign or corrupt message.
                    request.Completion.TrySetException(
                        new LetterNotFoundException($"letter {request.Message.LetterId} does not exist")
                    );
                }
            }
        }
#pragma warning disable CA1031 // Every failure goes back to its message, whose consumer retries or dead-letters it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var request in batch)
            {
                request.Completion.TrySetException(exception);
            }
        }
    }

    private static async Task<Dictionary<Guid, LetterWork>> LoadAsync(ExchangeDbContext db, List<Request> batch)
    {
        var ids = batch.Select(r => r.Message.LetterId).Distinct().ToList();
        var letters = await db
            .Letters.AsNoTracking()
            .Where(l => ids.Contains(l.Id))
            .Select(l => new
            {
                Letter = l,
                // The archive package lists them; the same query brings them.
                Attachments = l.Attachments.ToList(),
                SenderHasWebhook = db.WebhookSubscriptions.Any(s => s.OrganizationId == l.SenderOrganizationId),
            })
            .ToListAsync()
            .ConfigureAwait(false);
        var targets = (
            await db
                .Deliveries.AsNoTracking()
                .Where(d => ids.Contains(d.LetterId) && d.State == DeliveryState.Queued)
                .Select(d => new Target(
                    d,
                    db.Organizations.Where(o => o.RegistryNumber == d.RecipientRegistryNumber)
                        .Select(o => (OrganizationStatus?)o.Status)
                        .FirstOrDefault(),
                    db.WebhookSubscriptions.Any(s => s.OrganizationId == d.RecipientOrganizationId)
                ))
                .ToListAsync()
                .ConfigureAwait(false)
        ).ToLookup(t => t.Delivery.LetterId);

        // Only the recipients the messages name: a message is about those deliveries and no others.
        var named = batch
            .GroupBy(r => r.Message.LetterId)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(r => r.Message.RecipientRegistryNumbers).ToHashSet(StringComparer.Ordinal)
            );
        var correlation = batch
            .GroupBy(r => r.Message.LetterId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Message.CorrelationId).FirstOrDefault(c => c is not null));
        foreach (var l in letters)
        {
            l.Letter.Attachments = l.Attachments;
        }

        return letters.ToDictionary(
            l => l.Letter.Id,
            l => new LetterWork(
                l.Letter,
                correlation[l.Letter.Id],
                l.SenderHasWebhook,
                [],
                [
                    .. targets[l.Letter.Id]
                        .Where(t => named[l.Letter.Id].Contains(t.Delivery.RecipientRegistryNumber))
                        .OrderBy(t => t.Delivery.RecipientRegistryNumber, StringComparer.Ordinal),
                ],
                []
            )
        );
    }

    /// <summary>
    /// Claims every target of the batch in one statement per outcome; false (rolled back) when another consumer claimed
    /// any first.
    /// </summary>
    private async Task<bool> DeliverTogetherAsync(ExchangeDbContext db, AuditLog audit, ICollection<LetterWork> letters)
    {
        var all = letters.ToList();
        var targets = all.SelectMany(l => l.Targets).ToList();
        if (targets.Count == 0)
        {
            // Copies of messages already delivered: nothing to claim, but the archive step wants the letters'
            // evidences.
            await LoadEvidencesAsync(db, all).ConfigureAwait(false);
            return true;
        }

        var now = _time.GetUtcNow();
        var added = new List<(LetterWork Letter, List<EvidenceRecord> Records)>();
        var delivered = await LetterStep
            .RunAsync<bool>(
                db,
                [.. all.Select(l => l.Letter.Id)],
                async _ =>
                {
                    var claimed = 0;
                    foreach (var outcome in targets.GroupBy(t => t.Failure))
                    {
                        claimed += await ClaimAsync(db, [.. outcome.Select(t => t.Delivery.Id)], outcome.Key, now)
                            .ConfigureAwait(false);
                    }

                    if (claimed != targets.Count)
                    {
                        return Refusal.InvalidState("another consumer claimed a delivery of this batch first");
                    }

                    // Read under the chain lock (and after the claims, which on SQLite took the write lock): the
                    // chains' real ends.
                    await LoadEvidencesAsync(db, all).ConfigureAwait(false);
                    foreach (var letter in all)
                    {
                        // Chained after the end of the letter's chain, then after the one just added for its previous
                        // recipient.
                        var previous = letter.Evidences.LastOrDefault()?.Id;
                        var records = new List<EvidenceRecord>();
                        foreach (var (target, index) in letter.Targets.Select((t, i) => (t, i)))
                        {
                            // One commit, several events of one letter: a millisecond apart so that their times read in
                            // chain order too (SQLite keeps 0.1 ms).
                            var record = _evidence.AddAfter(
                                db,
                                Draft(letter, target, now.AddMilliseconds(index)),
                                previous
                            );
                            Stage(db, audit, letter, target, now);
                            records.Add(record);
                            previous = record.Id;
                        }

                        added.Add((letter, records));
                    }

                    return true;
                },
                default
            )
            .ConfigureAwait(false);
        if (delivered.IsRefused)
        {
            return false;
        }

        db.ChangeTracker.Clear();
        audit.Committed();
        foreach (var (letter, records) in added)
        {
            letter.Evidences.AddRange(records);
            foreach (var target in letter.Targets)
            {
                Committed(letter, target);
            }
        }

        return true;
    }

    /// <summary>
    /// The careful path after a lost race: each delivery claimed and committed on its own, skipping those already
    /// taken.
    /// </summary>
    private async Task DeliverOneByOneAsync(ExchangeDbContext db, AuditLog audit, LetterWork letter)
    {
        foreach (var target in letter.Targets)
        {
            var failure = target.Failure;
            var now = _time.GetUtcNow();
            var step = await LetterStep
                .RunAsync<bool>(
                    db,
                    [letter.Letter.Id],
                    async _ =>
                    {
                        if (await ClaimAsync(db, [target.Delivery.Id], failure, now).ConfigureAwait(false) == 0)
                        {
                            return Refusal.InvalidState(
                                "another consumer of a duplicated message delivered it meanwhile"
                            );
                        }

                        // The letter's chain may have grown meanwhile (the other consumer's evidences): link to its
                        // real end.
                        await _evidence.AddAsync(db, Draft(letter, target, now), default).ConfigureAwait(false);
                        Stage(db, audit, letter, target, now);
                        return true;
                    },
                    default
                )
                .ConfigureAwait(false);
            if (step.IsRefused)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            audit.Committed();
            Committed(letter, target);
        }

        await LoadEvidencesAsync(db, [letter]).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the still-Queued deliveries among <paramref name="ids"/> to their outcome; returns how many it moved.
    /// </summary>
    private static Task<int> ClaimAsync(ExchangeDbContext db, List<Guid> ids, string? failure, DateTimeOffset now) =>
        db
            .Deliveries.Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Queued)
            .ExecuteUpdateAsync(s =>
                s.SetProperty(d => d.State, failure is null ? DeliveryState.Delivered : DeliveryState.NotDelivered)
                    .SetProperty(d => d.DeliveredAt, failure is null ? now : null)
                    .SetProperty(d => d.FailureReason, failure)
            );

    private static async Task LoadEvidencesAsync(ExchangeDbContext db, List<LetterWork> letters)
    {
        var ids = letters.Select(l => l.Letter.Id).ToList();
        var evidences = (
            await db.Evidences.AsNoTracking().Where(e => ids.Contains(e.LetterId)).ToListAsync().ConfigureAwait(false)
        ).ToLookup(e => e.LetterId);
        foreach (var letter in letters)
        {
            letter.Evidences.Clear();
            letter.Evidences.AddRange(EvidenceChain.Order(evidences[letter.Letter.Id]));
        }
    }

    private EvidenceDocument Draft(LetterWork work, Target target, DateTimeOffset now)
    {
        var letter = work.Letter;
        var failure = target.Failure;
        return new EvidenceDocument
        {
            Event = failure is null ? EvidenceEvents.ContentConsignment : EvidenceEvents.ContentConsignmentFailure,
            EventTime = now,
            Issuer = _evidence.Issuer,
            Sender = letter.SenderRegistryNumber,
            Recipient = target.Delivery.RecipientRegistryNumber,
            LetterId = letter.Id,
            SubmissionTime = letter.SubmittedAt,
            DocumentSha256 = letter.DocumentSha256,
            Reasons = failure is null ? [] : [failure],
        };
    }

    private static void Stage(ExchangeDbContext db, AuditLog audit, LetterWork work, Target target, DateTimeOffset now)
    {
        var letter = work.Letter;
        var failure = target.Failure;
        var registryNumber = target.Delivery.RecipientRegistryNumber;
        var details = new
        {
            letterId = letter.Id,
            sender = letter.SenderRegistryNumber,
            recipient = registryNumber,
            reason = failure,
        };
        if (work.SenderHasWebhook)
        {
            WebhookEvents.Raise(
                db,
                letter.SenderOrganizationId,
                failure is null ? WebhookEvents.Delivered : WebhookEvents.NotDelivered,
                details,
                now
            );
        }

        if (failure is null && target.RecipientHasWebhook)
        {
            WebhookEvents.Raise(db, target.Delivery.RecipientOrganizationId, WebhookEvents.Received, details, now);
        }

        audit.Stage(
            db,
            "system:delivery",
            null,
            failure is null ? "letter.delivered" : "letter.not_delivered",
            letter.Id.ToString(),
            details: registryNumber
        );
    }

    private void Committed(LetterWork work, Target target)
    {
        var letter = work.Letter;
        var failure = target.Failure;
        var registryNumber = target.Delivery.RecipientRegistryNumber;
        using (
            _logger.BeginScope(
                new Dictionary<string, object?> { ["LetterId"] = letter.Id, ["CorrelationId"] = work.CorrelationId }
            )
        )
        {
            _logger.LogInformation(
                "Letter {LetterId} {Outcome} to {Recipient}",
                letter.Id,
                failure is null ? "delivered" : "not delivered",
                registryNumber
            );
        }

        Exchange.Telemetry.ExchangeTelemetry.Delivered(failure is null, _time.GetUtcNow() - letter.SubmittedAt);
        work.Delivered.Add(
            new LetterDelivered
            {
                LetterId = letter.Id,
                SenderOrganizationId = letter.SenderOrganizationId,
                RecipientOrganizationId = target.Delivery.RecipientOrganizationId,
                RecipientRegistryNumber = registryNumber,
                State = failure is null ? nameof(DeliveryState.Delivered) : nameof(DeliveryState.NotDelivered),
                Subject = letter.Subject,
            }
        );
    }
}
