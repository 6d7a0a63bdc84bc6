using MassTransit;
using Microsoft.Extensions.Logging;
using SmartOffice.Contracts;

namespace SmartOffice.LetterDelivery;

/// <summary>
/// Puts an accepted letter into each recipient's inbox, idempotently per (letter, recipient), then archives it. The
/// deliveries themselves commit in <see cref="DeliveryBatcher"/> together with those of other messages being consumed
/// at the same moment; this message is acknowledged only after its deliveries and its archive records are durable.
/// </summary>
public sealed class LetterSubmittedConsumer(
    DeliveryBatcher deliveries,
    SmartOffice.Exchange.Archive.LetterArchiver archiver,
    ILogger<LetterSubmittedConsumer> logger
) : IConsumer<LetterSubmitted>
{
    public async Task Consume(ConsumeContext<LetterSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        using var scope = logger.BeginScope(
            new Dictionary<string, object?>
            {
                ["LetterId"] = message.LetterId,
                ["CorrelationId"] = message.CorrelationId ?? context.CorrelationId?.ToString(),
            }
        );
        var outcome = await deliveries.DeliverAsync(message, cancellationToken);
        foreach (var delivered in outcome.Delivered)
        {
            // A live hint to open browsers, not a record (the delivery and its evidence are committed): not written
            // to the broker's disk and not waited for, which took a confirm round trip off every delivery.
            await context.Publish(
                delivered,
                live =>
                {
                    live.Durable = false;
                    live.TrySetAwaitAck(false);
                },
                cancellationToken
            );
        }

        await archiver.RecordAsync(outcome.Letter, outcome.Evidences, cancellationToken);
    }
}
