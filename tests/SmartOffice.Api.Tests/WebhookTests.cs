using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Notifications;

namespace SmartOffice.Api.Tests;

/// <summary>Webhooks: signed with HMAC-SHA256, retried with backoff, every attempt visible to the organization.</summary>
[TestClass]
public sealed class WebhookTests
{
    [TestMethod]
    public async Task A_sender_is_told_of_delivery_with_a_signed_call_that_is_retried_until_accepted()
    {
        var calls = new ConcurrentQueue<(string Event, string Signature, string Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            calls.Enqueue((context.Request.Headers["X-SmartOffice-Event"].ToString(), context.Request.Headers["X-SmartOffice-Signature"].ToString(), await reader.ReadToEndAsync()));
            return calls.Count == 1 ? Results.StatusCode(500) : Results.Ok();
        });
        await receiver.StartAsync();
        var url = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        using var api = new ApiFactory("Sqlite");
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        const string secret = "a-long-shared-secret-for-hmac";
        Assert.AreEqual(HttpStatusCode.NoContent, (await sender.Http.PutAsJsonAsync("/api/webhook", new { url, secret })).StatusCode);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001")).GetProperty("id").GetString();

        for (var i = 0; i < 100 && calls.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.HasCount(2, calls, "one refused call, one retry");
        foreach (var (eventName, signature, body) in calls)
        {
            Assert.AreEqual("delivered", eventName);
            Assert.AreEqual("sha256=" + WebhookDispatcher.Sign(secret, body), signature);
            Assert.AreEqual(id, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("letterId").GetString());
        }

        JsonElement log = default;
        for (var i = 0; i < 50; i++)
        {
            log = (await sender.GetJsonAsync("/api/webhook")).GetProperty("recentDeliveries").EnumerateArray().Single();
            if (log.GetProperty("deliveredAt").ValueKind != JsonValueKind.Null)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.AreEqual(2, log.GetProperty("attempts").GetInt32());
        Assert.AreEqual(200, log.GetProperty("lastStatus").GetInt32());
    }

    [TestMethod]
    public async Task Agency_staff_without_the_admin_role_cannot_change_the_webhook()
    {
        using var clerk = await ApiSession.StaffAsync(Factories.Shared("Sqlite"), "bichig");
        var response = await clerk.Http.PutAsJsonAsync("/api/webhook", new { url = "https://example.invalid/hook", secret = "0123456789abcdef" });
        await ProblemAssert.HasCodeAsync(response, 403, "forbidden");
    }
}
