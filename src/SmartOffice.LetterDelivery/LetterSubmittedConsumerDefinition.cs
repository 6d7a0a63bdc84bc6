using MassTransit;
using SmartOffice.Exchange.Faults;

namespace SmartOffice.LetterDelivery;

/// <summary>
/// How letter deliveries are consumed: infrastructure faults (database, storage) are retried with growing delays until
/// they heal; other faults a few times, then the message goes to the error queue (letter-submitted_error) where it can
/// be listed and replayed. Quorum queues on RabbitMQ. Prefetch 128 with at most 64 concurrent messages: a delivery
/// mostly waits on the database and the disk, so fewer at once let the queue grow behind the Api.
/// </summary>
public sealed class LetterSubmittedConsumerDefinition : ConsumerDefinition<LetterSubmittedConsumer>
{
    public LetterSubmittedConsumerDefinition()
    {
        EndpointName = "letter-submitted";
        ConcurrentMessageLimit = 64;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LetterSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context
    )
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = 128;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }

        // Outer: an infrastructure fault (database down, disk full) is retried for as long as it takes, up to a minute
        // apart; a letter must never wait in the error queue for an operator because PostgreSQL restarted.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(
                int.MaxValue,
                TimeSpan.FromMilliseconds(500),
                TimeSpan.FromMinutes(1),
                TimeSpan.FromSeconds(1)
            );
            retry.Handle<Exception>(TransientFaults.Is);
        });

        // Inner: anything else a few times, then the error queue; a letter that does not exist goes there at once.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(
                5,
                TimeSpan.FromMilliseconds(200),
                TimeSpan.FromSeconds(10),
                TimeSpan.FromMilliseconds(200)
            );
            retry.Ignore<LetterNotFoundException>();
            retry.Ignore<Exception>(TransientFaults.Is);
        });
    }
}
