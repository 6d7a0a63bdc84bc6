using MassTransit;
using Microsoft.AspNetCore.SignalR;
using SmartOffice.Contracts;

namespace SmartOffice.Api.Features.Live;

/// <summary>
/// Every Api instance (own temporary queue) tells the sender's connected browsers that a recipient acted on a letter.
/// </summary>
internal sealed class LetterStateChangedNotifier(IHubContext<MailboxHub> hub) : IConsumer<LetterStateChanged>
{
    public Task Consume(ConsumeContext<LetterStateChanged> context)
    {
        var message = context.Message;
        var payload = new
        {
            message.LetterId,
            message.RecipientRegistryNumber,
            message.State,
        };
        return hub
            .Clients.Group(MailboxHub.Group(message.SenderOrganizationId))
            .SendAsync("letterUpdated", payload, context.CancellationToken);
    }
}
