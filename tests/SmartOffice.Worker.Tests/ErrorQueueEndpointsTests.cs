using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartOffice.Worker.Tests;

/// <summary>
/// The Worker's error-queue endpoints stay closed without a configured key, refuse a wrong one, and say plainly when
/// the transport has no error queue. Listing and replaying on RabbitMQ are covered end to end (DeliveryTests).
/// </summary>
[TestClass]
public sealed class ErrorQueueEndpointsTests
{
    private const string Key = "a-long-enough-admin-key";

    [TestMethod]
    public async Task Without_a_configured_key_the_endpoints_are_closed()
    {
        var (app, http) = await StartAsync(adminKey: null);
        await using var _ = app;
        using var __ = http;
        http.DefaultRequestHeaders.Add("X-Admin-Key", "");

        await AssertProblemAsync(await http.GetAsync("/admin/errors"), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(
            await http.PostAsync("/admin/errors/replay", null),
            HttpStatusCode.Forbidden,
            "forbidden"
        );
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("a-long-enough-admin-keY")]
    public async Task A_missing_or_wrong_key_is_refused(string? given)
    {
        var (app, http) = await StartAsync(Key);
        await using var _ = app;
        using var __ = http;
        if (given is not null)
        {
            http.DefaultRequestHeaders.Add("X-Admin-Key", given);
        }

        await AssertProblemAsync(await http.GetAsync("/admin/errors"), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertProblemAsync(
            await http.PostAsync("/admin/errors/replay", null),
            HttpStatusCode.Unauthorized,
            "unauthorized"
        );
    }

    [TestMethod]
    public async Task With_the_key_on_the_in_process_transport_the_answer_says_there_is_no_error_queue()
    {
        var (app, http) = await StartAsync(Key);
        await using var _ = app;
        using var __ = http;
        http.DefaultRequestHeaders.Add("X-Admin-Key", Key);

        await AssertProblemAsync(await http.GetAsync("/admin/errors"), HttpStatusCode.NotFound, "no_error_queue");
    }

    private static async Task<(Microsoft.AspNetCore.Builder.WebApplication, HttpClient)> StartAsync(string? adminKey)
    {
        var settings = WorkerHealthTests.Settings("Sqlite", "Data Source={folder}/worker.db");
        settings["Worker:AdminKey"] = adminKey;
        return await WorkerHealthTests.StartAsync(settings, migrate: true);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(status, response.StatusCode, body.ToString());
        Assert.AreEqual(code, body.GetProperty("code").GetString(), body.ToString());
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
