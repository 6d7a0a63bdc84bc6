using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Messaging.Contracts;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Routing;

/// <summary>
/// Puts an accepted letter into each recipient's inbox, idempotently per (letter, recipient): a delivery leaves
/// Queued exactly once (a conditional update), and its evidence commits in the same transaction, so a redelivered
/// or duplicated message changes nothing. An unknown, suspended or removed recipient gets a non-delivery evidence.
/// Everything the steps need is read up front in three queries (the letter, its evidences, its pending deliveries
/// with their recipients), so each recipient costs one conditional UPDATE and one batched INSERT.
/// </summary>
public sealed class LetterSubmittedConsumer(ExchangeDbContext db, EvidenceWriter evidence, Audit.AuditLog audit, Archive.LetterArchiver archiver, TimeProvider time, ILogger<LetterSubmittedConsumer> logger) : IConsumer<LetterSubmitted>
{
    private sealed record Target(Delivery Delivery, OrganizationStatus? RecipientStatus, bool RecipientHasWebhook);

    public async Task Consume(ConsumeContext<LetterSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["LetterId"] = message.LetterId, ["CorrelationId"] = message.CorrelationId ?? context.CorrelationId?.ToString() });
        var found = await db.Letters.AsNoTracking().Where(l => l.Id == message.LetterId)
            .Select(l => new { Letter = l, SenderHasWebhook = db.WebhookSubscriptions.Any(s => s.OrganizationId == l.SenderOrganizationId) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            // The outbox commits the letter before the message exists, so this is a foreign or corrupt message.
            throw new LetterNotFoundException($"letter {message.LetterId} does not exist");
        }

        var letter = found.Letter;
        var evidences = await db.Evidences.AsNoTracking().Where(e => e.LetterId == letter.Id).OrderBy(e => e.EventTime).ToListAsync(cancellationToken);
        var numbers = message.RecipientRegistryNumbers.ToList();
        var targets = await db.Deliveries.AsNoTracking().Where(d => d.LetterId == letter.Id && numbers.Contains(d.RecipientRegistryNumber) && d.State == DeliveryState.Queued)
            .Select(d => new Target(
                d,
                db.Organizations.Where(o => o.RegistryNumber == d.RecipientRegistryNumber).Select(o => (OrganizationStatus?)o.Status).FirstOrDefault(),
                db.WebhookSubscriptions.Any(s => s.OrganizationId == d.RecipientOrganizationId)))
            .ToListAsync(cancellationToken);

        foreach (var registryNumber in numbers)
        {
            if (targets.FirstOrDefault(t => t.Delivery.RecipientRegistryNumber == registryNumber) is { } target
                && await DeliverAsync(letter, found.SenderHasWebhook, target, evidences, cancellationToken) is { } delivered)
            {
                // A live hint to open browsers, not a record (the delivery and its evidence are committed): not written
                // to the broker's disk and not waited for, which took a confirm round trip off every delivery.
                await context.Publish(delivered, live =>
                {
                    live.Durable = false;
                    live.TrySetAwaitAck(false);
                }, cancellationToken);
            }
        }

        await archiver.RecordAsync(letter, evidences, cancellationToken);
    }

    private async Task<LetterDelivered?> DeliverAsync(Letter letter, bool senderHasWebhook, Target target, List<EvidenceRecord> evidences, CancellationToken cancellationToken)
    {
        var (delivery, status, recipientHasWebhook) = target;
        var registryNumber = delivery.RecipientRegistryNumber;
        var failure = status is null ? "the recipient is no longer in the directory"
            : status != OrganizationStatus.Active ? $"the recipient is {status.Value.ToString().ToLowerInvariant()}" : null;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var newState = failure is null ? DeliveryState.Delivered : DeliveryState.NotDelivered;
        var claimed = await db.Deliveries.Where(d => d.Id == delivery.Id && d.State == DeliveryState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, newState)
            .SetProperty(d => d.DeliveredAt, failure is null ? now : null)
            .SetProperty(d => d.FailureReason, failure), cancellationToken);
        if (claimed == 0)
        {
            // Another consumer of a duplicated message delivered it meanwhile.
            return null;
        }

        var record = evidence.AddAfter(db, new EvidenceDocument
        {
            Event = failure is null ? EvidenceEvents.ContentConsignment : EvidenceEvents.ContentConsignmentFailure,
            EventTime = now,
            Issuer = evidence.Issuer,
            Sender = letter.SenderRegistryNumber,
            Recipient = registryNumber,
            LetterId = letter.Id,
            SubmissionTime = letter.SubmittedAt,
            DocumentSha256 = letter.DocumentSha256,
            Reasons = failure is null ? [] : [failure],
        }, evidences.LastOrDefault()?.Id);
        var details = new { letterId = letter.Id, sender = letter.SenderRegistryNumber, recipient = registryNumber, reason = failure };
        if (senderHasWebhook)
        {
            WebhookEvents.Raise(db, letter.SenderOrganizationId, failure is null ? WebhookEvents.Delivered : WebhookEvents.NotDelivered, details);
        }

        if (failure is null && recipientHasWebhook)
        {
            WebhookEvents.Raise(db, delivery.RecipientOrganizationId, WebhookEvents.Received, details);
        }

        audit.Stage(db, "system:delivery", null, failure is null ? "letter.delivered" : "letter.not_delivered", letter.Id.ToString(), details: registryNumber);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        audit.Committed();
        evidences.Add(record);
        logger.LogInformation("Letter {LetterId} {Outcome} to {Recipient}", letter.Id, failure is null ? "delivered" : "not delivered", registryNumber);
        return new LetterDelivered
        {
            LetterId = letter.Id, SenderOrganizationId = letter.SenderOrganizationId, RecipientOrganizationId = delivery.RecipientOrganizationId,
            RecipientRegistryNumber = registryNumber, State = newState.ToString(), Subject = letter.Subject,
        };
    }
}
