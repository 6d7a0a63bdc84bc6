using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>/agency: the agency admin's deadline default, staff and webhook, and nobody else's.</summary>
[TestClass]
public sealed class AgencyAdminPageTests
{
    [TestMethod]
    public async Task The_admin_sets_the_answer_deadline_default_that_assignments_then_use()
    {
        using var factory = new ApiFactory("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        var response = await admin.PostFormAsync(
            "/agency",
            "/agency?handler=Settings",
            new() { ["dueWorkingDays"] = "3" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(await admin.GetPageAsync("/agency"), "value=\"3\"");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        Assert.AreEqual(
            3,
            await db.Organizations.Where(o => o.RegistryNumber == "9011001").Select(o => o.DueWorkingDays).SingleAsync()
        );

        var refused = await admin.PostFormAsync(
            "/agency",
            "/agency?handler=Settings",
            new() { ["dueWorkingDays"] = "500" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, refused.StatusCode);
        StringAssert.Contains(await admin.GetPageAsync("/agency"), "flash bad");
        Assert.AreEqual(
            3,
            await db.Organizations.Where(o => o.RegistryNumber == "9011001").Select(o => o.DueWorkingDays).SingleAsync()
        );
    }

    [TestMethod]
    public async Task A_new_staff_member_added_on_the_page_can_log_in_with_the_given_roles()
    {
        var factory = Factories.Shared("Sqlite");
        var userName = $"clerk-{Guid.NewGuid():N}"[..20];
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        var response = await admin.PostFormAsync(
            "/agency",
            "/agency?handler=User",
            new()
            {
                ["userName"] = userName,
                ["displayName"] = "Шинэ Ажилтан",
                ["password"] = "long-enough-password",
                ["roles"] = "executor",
            }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetPageAsync("/agency");
        StringAssert.Contains(page, userName);

        using var newcomer = await WorkspaceClient.StaffAsync(factory, userName, "long-enough-password");
        StringAssert.Contains(
            await newcomer.GetPageAsync("/denied"),
            "Шинэ Ажилтан",
            "the layout names the logged-in person"
        );
        Assert.AreEqual(
            HttpStatusCode.Redirect,
            (await newcomer.Http.GetAsync("/agency")).StatusCode,
            "an executor is not an agency admin"
        );
    }

    [TestMethod]
    public async Task The_admin_cannot_remove_their_own_admin_role()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var self = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == "admin-9011001");
        var response = await admin.PostFormAsync(
            $"/agency/users/{self.Id}",
            $"/agency/users/{self.Id}",
            new() { ["displayName"] = self.DisplayName, ["roles"] = "registrar" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(await admin.GetPageAsync($"/agency/users/{self.Id}"), "flash bad");
        Assert.IsTrue((await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == self.Id)).HasRole("admin"));
    }

    [TestMethod]
    public async Task Removing_the_certificate_ends_certificate_login_and_keeps_the_rest()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var member = new StaffUser
        {
            OrganizationId = (await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001")).Id,
            UserName = $"cert-{Guid.NewGuid():N}"[..20],
            DisplayName = "Гэрчилгээтэй",
            CreatedAt = DateTimeOffset.UtcNow,
            Roles = "executor",
            CertificateThumbprint = new string('A', 64),
        };
        db.StaffUsers.Add(member);
        await db.SaveChangesAsync();

        var kept = await admin.PostFormAsync(
            $"/agency/users/{member.Id}",
            $"/agency/users/{member.Id}",
            new() { ["displayName"] = "Гэрчилгээтэй", ["roles"] = "executor" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.AreEqual(
            new string('A', 64),
            await db
                .StaffUsers.AsNoTracking()
                .Where(u => u.Id == member.Id)
                .Select(u => u.CertificateThumbprint)
                .SingleAsync()
        );

        var emptied = await admin.PostFormAsync(
            $"/agency/users/{member.Id}",
            $"/agency/users/{member.Id}",
            new()
            {
                ["displayName"] = "Гэрчилгээгүй",
                ["roles"] = "executor",
                ["removeCertificate"] = "true",
            }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, emptied.StatusCode);
        var saved = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == member.Id);
        Assert.IsNull(saved.CertificateThumbprint);
        Assert.AreEqual("Гэрчилгээгүй", saved.DisplayName);
        Assert.IsTrue(saved.HasRole("executor"));
    }

    [TestMethod]
    public async Task Another_organizations_staff_member_is_not_found_and_a_registrar_is_kept_out()
    {
        var factory = Factories.Shared("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001");
        var otherAgency = await db.Organizations.FirstAsync(o =>
            o.Kind == SmartOffice.Exchange.Organizations.OrganizationKind.Agency && o.Id != agency.Id
        );
        var stranger = new SmartOffice.Exchange.Accounts.StaffUser
        {
            OrganizationId = otherAgency.Id,
            UserName = $"other-{Guid.NewGuid():N}",
            DisplayName = "Other agency",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.StaffUsers.Add(stranger);
        await db.SaveChangesAsync();
        await admin.GetPageAsync($"/agency/users/{stranger.Id}", HttpStatusCode.NotFound);
        var editStranger = await admin.PostFormAsync(
            "/agency",
            $"/agency/users/{stranger.Id}",
            new() { ["displayName"] = "taken over", ["roles"] = "admin" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, editStranger.StatusCode);
        Assert.AreNotEqual(
            "taken over",
            (await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == stranger.Id)).DisplayName
        );

        using var registrar = await WorkspaceClient.StaffAsync(factory, "bichig");
        var denied = await registrar.Http.GetAsync("/agency");
        Assert.AreEqual(HttpStatusCode.Redirect, denied.StatusCode);
        StringAssert.StartsWith(
            denied.Headers.Location?.AbsolutePath ?? denied.Headers.Location?.OriginalString,
            "/denied"
        );
    }

    [TestMethod]
    public async Task The_webhook_is_saved_and_its_secret_never_shown()
    {
        using var factory = new ApiFactory("Sqlite");
        using var admin = await WorkspaceClient.StaffAsync(factory, "admin-9011001");
        var response = await admin.PostFormAsync(
            "/agency",
            "/agency?handler=Webhook",
            new() { ["url"] = "https://hooks.example.mn/smartoffice", ["secret"] = "a-very-secret-value-123" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetPageAsync("/agency");
        StringAssert.Contains(page, "https://hooks.example.mn/smartoffice");
        Assert.IsFalse(page.Contains("a-very-secret-value-123", StringComparison.Ordinal));
    }
}
