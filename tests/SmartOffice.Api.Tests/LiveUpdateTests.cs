using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>An open clerk workspace sees a new letter arrive without reloading.</summary>
[TestClass]
public sealed class LiveUpdateTests
{
    [TestMethod]
    public async Task A_connected_agency_clerk_is_told_when_a_letter_arrives()
    {
        using var api = new ApiFactory("Sqlite");
        using var clerk = await ApiSession.StaffAsync(api, "bichig");
        var arrived = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/mailbox"), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () =>
                    Task.FromResult<string?>(clerk.Token.GetProperty("accessToken").GetString());
            })
            .Build();
        connection.On<JsonElement>("letterArrived", letter => arrived.TrySetResult(letter));
        await connection.StartAsync();

        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();

        var letter = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.AreEqual(id, letter.GetProperty("letterId").GetString());
        Assert.AreEqual("9011001", letter.GetProperty("recipientRegistryNumber").GetString());
    }

    [TestMethod]
    public async Task A_connected_sender_is_told_when_the_agency_registers_its_letter()
    {
        using var api = new ApiFactory("Sqlite");
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var registered = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/mailbox"), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () =>
                    Task.FromResult<string?>(sender.Token.GetProperty("accessToken").GetString());
            })
            .Build();
        connection.On<JsonElement>("letterUpdated", update =>
        {
            if (update.GetProperty("state").GetString() == "Registered")
            {
                registered.TrySetResult(update);
            }
        });
        await connection.StartAsync();

        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();
        using var clerk = await ApiSession.StaffAsync(api, "bichig");
        for (
            var attempt = 0;
            attempt < 100
                && (await sender.GetJsonAsync($"/api/letters/{id}"))
                    .GetProperty("recipients")[0]
                    .GetProperty("state")
                    .GetString() == "Queued";
            attempt++
        )
        {
            await Task.Delay(100);
        }

        var response = await clerk.Http.PostAsync($"/api/letters/{id}/register", null);
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var update = await registered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.AreEqual(id, update.GetProperty("letterId").GetString());
    }
}
