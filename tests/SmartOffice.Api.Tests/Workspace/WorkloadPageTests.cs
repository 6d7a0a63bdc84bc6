using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// The head sees each executor's load and late letters and reminds an executor, who finds the reminder in their
/// workspace (gone once the letter is opened); the reminder also reaches the agency's webhook and the audit trail.
/// </summary>
[TestClass]
public sealed class WorkloadPageTests
{
    [TestMethod]
    public async Task A_head_reminds_an_executor_of_a_late_letter_and_the_executor_sees_it_until_opening_the_letter()
    {
        using var factory = new ApiFactory("Sqlite");
        var subject = $"Хоцорсон бичиг {Guid.NewGuid():N}";
        var id = await LetterPageTests.DeliveredLetterAsync(factory, subject);
        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        await registrar.PostFormAsync($"/letters/{id}", $"/letters/{id}?handler=Register", []);
        await registrar.PostFormAsync(
            $"/letters/{id}",
            $"/letters/{id}?handler=Assign",
            new() { ["executor"] = "gantulga" }
        );
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001");
        db.WebhookSubscriptions.Add(
            new WebhookSubscription
            {
                OrganizationId = agency.Id,
                Url = "https://hooks.example.mn/smartoffice",
                Secret = "a-secret-of-the-agency",
                UpdatedAt = DateTimeOffset.UtcNow,
            }
        );
        await db.SaveChangesAsync();
        await db
            .Deliveries.Where(d => d.LetterId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueDate, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-4))));

        var denied = await registrar.Http.GetAsync("/workload");
        Assert.AreNotEqual(HttpStatusCode.OK, denied.StatusCode, "only heads see the workload");
        Assert.DoesNotContain("id=\"workload\"", await denied.Content.ReadAsStringAsync());

        using var head = await WorkspaceClient.StaffAsync(factory, "dulguun");
        var workload = await head.GetPageAsync("/workload");
        StringAssert.Contains(workload, "id=\"load-gantulga\" class=\"overdue\"");
        StringAssert.Matches(workload, new System.Text.RegularExpressions.Regex("[45] хоног хэтэрсэн"));
        var executorId = await db.StaffUsers.Where(u => u.UserName == "gantulga").Select(u => u.Id).SingleAsync();
        await head.PostFormAsync(
            "/workload",
            "/workload?handler=Remind",
            new() { ["executor"] = executorId.ToString() }
        );
        StringAssert.Contains(await head.GetPageAsync("/workload"), "Сануулга илгээлээ: 1 бичиг.");

        using var executor = await WorkspaceClient.StaffAsync(factory, "gantulga");
        var inbox = await executor.GetPageAsync("/inbox");
        StringAssert.Contains(inbox, "id=\"reminders\"");
        StringAssert.Contains(inbox, subject);
        Assert.AreEqual(
            1,
            await db.WebhookDeliveries.CountAsync(w => w.OrganizationId == agency.Id && w.Event == "reminder")
        );
        Assert.IsTrue(
            await db.AuditDrafts.AnyAsync(a => a.Action == "reminder.sent")
                || await db.AuditEntries.AnyAsync(a => a.Action == "reminder.sent"),
            "the reminder is in the audit trail"
        );

        await executor.GetPageAsync($"/letters/{id}");
        Assert.DoesNotContain("id=\"reminders\"", await executor.GetPageAsync("/inbox"), "read once opened");
    }
}
