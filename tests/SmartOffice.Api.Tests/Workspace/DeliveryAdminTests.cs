using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// /admin's delivery card: how long the oldest accepted letter has waited for the bus, how many deliveries wait in
/// RabbitMQ's error queue, and a Replay button that puts them back, for the service administrator only.
/// </summary>
[TestClass]
public sealed partial class DeliveryAdminTests
{
    [TestMethod]
    public async Task On_the_embedded_bus_the_page_shows_the_outbox_lag_and_that_no_error_queue_applies()
    {
        using var factory = new ApiFactory("Sqlite", new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        _ = factory.Server;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            db.OutboxMessages.Add(
                new OutboxMessage
                {
                    MessageType = "test",
                    Payload = "{}",
                    CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                }
            );
            await db.SaveChangesAsync();
        }

        using var admin = await WorkspaceClient.StaffAsync(factory, "admin");
        var page = await admin.GetPageAsync("/admin");

        var lag = int.Parse(Fact(page, "outbox-lag").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(lag is >= 599 and < 660, page);
        StringAssert.Contains(Fact(page, "error-queue"), "RabbitMQ");
        Assert.DoesNotContain("handler=Replay", page);
    }

    [TestMethod]
    public async Task The_service_administrator_replays_the_error_queue_and_the_replay_is_audited()
    {
        using var factory = new ApiFactory("Sqlite", Broker.Settings);
        var failed = await ErrorQueue.PutAsync();
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin");

        var depth = uint.Parse(
            Fact(await admin.GetPageAsync("/admin"), "error-queue"),
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.IsGreaterThanOrEqualTo(1u, depth);

        var response = await admin.PostFormAsync("/admin", "/admin?handler=Replay", []);
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.IsFalse(await ErrorQueue.HoldsAsync(failed), "the failed delivery went back to the delivery queue");
        StringAssert.Contains(await admin.GetPageAsync("/admin"), "class=\"flash ok\"");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var audited =
            await db.AuditEntries.AnyAsync(e => e.Action == "deliveries.replayed")
            || await db.AuditDrafts.AnyAsync(e => e.Action == "deliveries.replayed");
        Assert.IsTrue(audited, "the replay is in the audit trail");
    }

    [TestMethod]
    public async Task Replay_needs_the_forms_antiforgery_token_and_a_service_administrator()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin");
        using var forged = new FormUrlEncodedContent([]);
        Assert.AreEqual(
            HttpStatusCode.BadRequest,
            (await admin.Http.PostAsync("/admin?handler=Replay", forged)).StatusCode
        );

        using var clerk = await WorkspaceClient.StaffAsync(factory, "bichig");
        var response = await clerk.PostFormAsync("/login", "/admin?handler=Replay", []);
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/denied", response.Headers.Location?.AbsolutePath);
    }

    /// <summary>The text of the fact <paramref name="id"/> on the page.</summary>
    private static string Fact(string html, string id)
    {
        var match = FactPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id);
        Assert.IsNotNull(match, $"no {id} on the page: {html}");
        return System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value).Trim();
    }

    [GeneratedRegex("<dd id=\"(?<id>[a-z-]+)\">(?<text>[^<]*)</dd>")]
    private static partial Regex FactPattern();
}
