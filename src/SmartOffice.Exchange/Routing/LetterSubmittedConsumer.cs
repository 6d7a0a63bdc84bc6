using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Messaging.Contracts;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Routing;

/// <summary>
/// Puts an accepted letter into each recipient's inbox, idempotently per (letter, recipient): a delivery leaves
/// Queued exactly once (a conditional update), and its evidence commits in the same transaction, so a redelivered
/// or duplicated message changes nothing. An unknown, suspended or removed recipient gets a non-delivery evidence.
/// </summary>
public sealed class LetterSubmittedConsumer(ExchangeDbContext db, EvidenceWriter evidence, Audit.AuditLog audit, Archive.LetterArchiver archiver, TimeProvider time, ILogger<LetterSubmittedConsumer> logger) : IConsumer<LetterSubmitted>
{
    public async Task Consume(ConsumeContext<LetterSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["LetterId"] = message.LetterId, ["CorrelationId"] = message.CorrelationId ?? context.CorrelationId?.ToString() });
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == message.LetterId, context.CancellationToken);
        if (letter is null)
        {
            // The outbox commits the letter before the message exists, so this is a foreign or corrupt message.
            throw new LetterNotFoundException($"letter {message.LetterId} does not exist");
        }

        foreach (var registryNumber in message.RecipientRegistryNumbers)
        {
            if (await DeliverAsync(letter, registryNumber, context.CancellationToken) is { } delivered)
            {
                await context.Publish(delivered, context.CancellationToken);
            }
        }

        await archiver.RecordAsync(letter.Id, context.CancellationToken);
    }

    private async Task<LetterDelivered?> DeliverAsync(Letter letter, string registryNumber, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.LetterId == letter.Id && d.RecipientRegistryNumber == registryNumber, cancellationToken);
        if (delivery is null || delivery.State != DeliveryState.Queued)
        {
            return null;
        }

        var recipient = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.RegistryNumber == registryNumber, cancellationToken);
        var failure = recipient is null ? "the recipient is no longer in the directory"
            : recipient.Status != OrganizationStatus.Active ? $"the recipient is {recipient.Status.ToString().ToLowerInvariant()}" : null;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var newState = failure is null ? DeliveryState.Delivered : DeliveryState.NotDelivered;
        var claimed = await db.Deliveries.Where(d => d.Id == delivery.Id && d.State == DeliveryState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, newState)
            .SetProperty(d => d.DeliveredAt, failure is null ? now : null)
            .SetProperty(d => d.FailureReason, failure), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        await evidence.AddAsync(db, new EvidenceDocument
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
        }, cancellationToken);
        var details = new { letterId = letter.Id, sender = letter.SenderRegistryNumber, recipient = registryNumber, reason = failure };
        await Notifications.WebhookEvents.RaiseAsync(db, letter.SenderOrganizationId, failure is null ? Notifications.WebhookEvents.Delivered : Notifications.WebhookEvents.NotDelivered, details, cancellationToken);
        if (failure is null)
        {
            await Notifications.WebhookEvents.RaiseAsync(db, delivery.RecipientOrganizationId, Notifications.WebhookEvents.Received, details, cancellationToken);
        }

        audit.Stage(db, "system:delivery", null, failure is null ? "letter.delivered" : "letter.not_delivered", letter.Id.ToString(), details: registryNumber);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        audit.Committed();
        logger.LogInformation("Letter {LetterId} {Outcome} to {Recipient}", letter.Id, failure is null ? "delivered" : "not delivered", registryNumber);
        return new LetterDelivered
        {
            LetterId = letter.Id, SenderOrganizationId = letter.SenderOrganizationId, RecipientOrganizationId = delivery.RecipientOrganizationId,
            RecipientRegistryNumber = registryNumber, State = newState.ToString(), Subject = letter.Subject,
        };
    }
}
