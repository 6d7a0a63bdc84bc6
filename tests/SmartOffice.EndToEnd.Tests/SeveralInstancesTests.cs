using System.Net;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>Several Api instances on one RabbitMQ: each becomes ready, none holds a queue the others need.</summary>
[TestClass]
public sealed class SeveralInstancesTests
{
    [TestMethod]
    public async Task Two_api_instances_on_one_broker_both_become_ready()
    {
        ApiFactory.RequireProvider("Postgres");
        using var first = new ApiFactory("Postgres", new Dictionary<string, string?>(Broker.Settings));
        using var second = new ApiFactory("Postgres", new Dictionary<string, string?>(Broker.Settings));
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        foreach (var client in new[] { a, b })
        {
            var status = HttpStatusCode.ServiceUnavailable;
            for (var i = 0; i < 150 && status != HttpStatusCode.OK; i++)
            {
                status = (await client.GetAsync("/health/ready")).StatusCode;
                if (status != HttpStatusCode.OK)
                {
                    await Task.Delay(200);
                }
            }

            Assert.AreEqual(
                HttpStatusCode.OK,
                status,
                await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync()
            );
        }
    }
}
