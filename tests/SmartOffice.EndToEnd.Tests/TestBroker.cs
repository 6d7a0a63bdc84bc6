using RabbitMQ.Client;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// Starts every run on empty delivery queues: the test broker may hold messages of earlier runs' databases.
/// </summary>
[TestClass]
public static class TestBroker
{
    [AssemblyInitialize]
    public static async Task PurgeDeliveryQueuesAsync(TestContext context)
    {
        _ = context;
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_RABBITMQ")))
        {
            return;
        }

        var (host, port) = Broker.Endpoint;
        await using var connection = await new ConnectionFactory
        {
            HostName = host,
            Port = port,
        }.CreateConnectionAsync();
        foreach (var queue in new[] { "letter-submitted", "letter-submitted_error" })
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueuePurgeAsync(queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not declared yet: nothing to purge.
            }
        }
    }
}
