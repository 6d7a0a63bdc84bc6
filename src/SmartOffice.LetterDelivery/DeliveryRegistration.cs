using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.LetterDelivery;

/// <summary>What a host needs to deliver letters: the batcher and the LetterSubmitted consumer on its bus.</summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddSmartOfficeDelivery(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryBatcher>();
        return services;
    }

    public static IBusRegistrationConfigurator AddDeliveryConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<LetterSubmittedConsumer, LetterSubmittedConsumerDefinition>();
        return bus;
    }
}
