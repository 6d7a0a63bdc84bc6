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

/// <summary>
/// Webhooks: signed with HMAC-SHA256, retried with backoff, every attempt visible to the organization.
/// </summary>
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
            calls.Enqueue(
                (
                    context.Request.Headers["X-SmartOffice-Event"].ToString(),
                    context.Request.Headers["X-SmartOffice-Signature"].ToString(),
                    await reader.ReadToEndAsync()
                )
            );
            return calls.Count == 1 ? Results.StatusCode(500) : Results.Ok();
        });
        await receiver.StartAsync();
        var url =
            receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            + "/hook";

        // The receiver listens on 127.0.0.1: allowed here as for an agency's receiver on its own network.
        using var api = new ApiFactory(
            "Sqlite",
            new Dictionary<string, string?> { ["Webhooks:AllowPrivateAddresses"] = "true" }
        );
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        const string secret = "a-long-shared-secret-for-hmac";
        Assert.AreEqual(
            HttpStatusCode.NoContent,
            (await sender.Http.PutAsJsonAsync("/api/webhook", new { url, secret })).StatusCode
        );
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();

        for (var i = 0; i < 100 && calls.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.HasCount(2, calls, "one refused call, one retry");
        foreach (var (eventName, signature, body) in calls)
        {
            Assert.AreEqual("delivered", eventName);
            Assert.AreEqual("sha256=" + WebhookDispatcher.Sign(secret, body), signature);
            Assert.AreEqual(
                id,
                JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("letterId").GetString()
            );
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
        var response = await clerk.Http.PutAsJsonAsync(
            "/api/webhook",
            new { url = "https://example.invalid/hook", secret = "0123456789abcdef" }
        );
        await ProblemAssert.HasCodeAsync(response, 403, "forbidden");
    }

    [TestMethod]
    [DataRow("http://169.254.169.254/latest/meta-data")]
    [DataRow("http://127.0.0.1:8080/hook")]
    [DataRow("http://localhost/hook")]
    [DataRow("https://[::1]/hook")]
    [DataRow("http://10.1.2.3/hook")]
    [DataRow("https://user:password@hooks.example.mn/hook")]
    public async Task A_webhook_to_an_internal_address_or_with_credentials_in_the_url_is_refused(string url)
    {
        using var sender = await ApiSession.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var response = await sender.Http.PutAsJsonAsync(
            "/api/webhook",
            new { url, secret = "a-long-shared-secret-for-hmac" }
        );
        await ProblemAssert.HasCodeAsync(response, 400, "validation");
    }

    [TestMethod]
    public async Task The_webhook_client_does_not_connect_to_an_internal_address_unless_allowed()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/hook";
        var accepted = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            // The request's first bytes are enough to answer it; the body is not read.
            _ = await stream.ReadAtLeastAsync(new byte[4096], 1, throwOnEndOfStream: false);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        });

        using var guarded = new HttpClient(WebhookAddresses.Handler(allowPrivate: false));
        var refused = await Assert.ThrowsExactlyAsync<HttpRequestException>(() =>
            guarded.PostAsync(url, new StringContent("{}"))
        );
        StringAssert.Contains(refused.Message, "no public address");
        Assert.IsFalse(accepted.IsCompleted, "nothing connected to the internal address");

        using var allowed = new HttpClient(WebhookAddresses.Handler(allowPrivate: true));
        Assert.AreEqual(HttpStatusCode.OK, (await allowed.PostAsync(url, new StringContent("{}"))).StatusCode);
        await accepted;
    }

    [TestMethod]
    [DataRow("8.8.8.8", true)]
    [DataRow("172.15.255.255", true)]
    [DataRow("2001:4860:4860::8888", true)]
    [DataRow("172.16.0.1", false)]
    [DataRow("100.64.0.1", false)]
    [DataRow("192.168.1.10", false)]
    [DataRow("0.0.0.0", false)]
    [DataRow("224.0.0.1", false)]
    [DataRow("::ffff:127.0.0.1", false)]
    [DataRow("fd00::1", false)]
    [DataRow("fe80::1", false)]
    public void Public_addresses_are_told_from_internal_ones(string address, bool isPublic) =>
        Assert.AreEqual(isPublic, WebhookAddresses.IsPublic(IPAddress.Parse(address)));
}
