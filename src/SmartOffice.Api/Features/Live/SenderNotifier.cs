using MassTransit;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Letters;

namespace SmartOffice.Api.Features.Live;

/// <summary>
/// Tells the sender's open browsers that a recipient's step happened (LetterStateChanged → "letterUpdated").
/// Best effort: the step is already committed with its evidence, so a broker outage only costs the live update.
/// </summary>
internal sealed class SenderNotifier(IPublishEndpoint bus, ILogger<SenderNotifier> logger)
{
    // A broker outage must not hold the clerk's page: two seconds, then the live update is skipped.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

    public async Task TellAsync(Letter letter, Delivery delivery, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await bus.Publish(
                new LetterStateChanged
                {
                    LetterId = letter.Id,
                    SenderOrganizationId = letter.SenderOrganizationId,
                    RecipientOrganizationId = delivery.RecipientOrganizationId,
                    RecipientRegistryNumber = delivery.RecipientRegistryNumber,
                    State = delivery.State.ToString(),
                },
                timeout.Token
            );
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Live update for letter {LetterId} not published", letter.Id);
        }
    }
}
