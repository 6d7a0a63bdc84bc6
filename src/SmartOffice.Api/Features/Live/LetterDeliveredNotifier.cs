using MassTransit;
using Microsoft.AspNetCore.SignalR;
using SmartOffice.Contracts;

namespace SmartOffice.Api.Features.Live;

/// <summary>Every Api instance (own temporary queue) pushes deliveries to the browsers connected to it.</summary>
internal sealed class LetterDeliveredNotifier(IHubContext<MailboxHub> hub) : IConsumer<LetterDelivered>
{
    public async Task Consume(ConsumeContext<LetterDelivered> context)
    {
        var message = context.Message;
        var payload = new
        {
            message.LetterId,
            message.RecipientRegistryNumber,
            message.State,
            message.Subject,
        };
        if (message.State == "Delivered")
        {
            await hub
                .Clients.Group(MailboxHub.Group(message.RecipientOrganizationId))
                .SendAsync("letterArrived", payload, context.CancellationToken);
        }

        await hub
            .Clients.Group(MailboxHub.Group(message.SenderOrganizationId))
            .SendAsync("letterUpdated", payload, context.CancellationToken);
    }
}
