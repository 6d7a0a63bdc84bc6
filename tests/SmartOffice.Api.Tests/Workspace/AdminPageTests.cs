using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>
/// /admin: reported accounts are listed for the service administrator, who suspends and restores them.
/// </summary>
[TestClass]
public sealed class AdminPageTests
{
    [TestMethod]
    public async Task A_reported_company_is_listed_and_suspended_from_the_page()
    {
        using var factory = new ApiFactory("Sqlite");
        using var company = await ApiSession.CompanyAsync(factory, TestPki.Pki.CompanyA);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await db
            .Accounts.Where(a => a.RegistryNumber == TestPki.Pki.CompanyA.RegistryNumber)
            .ExecuteUpdateAsync(s =>
                s.SetProperty(a => a.IsFlagged, true).SetProperty(a => a.FlagReason, "зар сурталчилгаа")
            );

        using var admin = await WorkspaceClient.StaffAsync(factory, "admin");
        var page = await admin.GetPageAsync("/admin");
        StringAssert.Contains(page, "зар сурталчилгаа");
        StringAssert.Contains(page, TestPki.Pki.CompanyA.RegistryNumber);

        var suspend = await admin.PostFormAsync(
            "/admin",
            "/admin?handler=Suspend",
            new() { ["registryNumber"] = TestPki.Pki.CompanyA.RegistryNumber, ["suspend"] = "true" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, suspend.StatusCode);
        Assert.IsTrue(
            await db
                .Accounts.AsNoTracking()
                .Where(a => a.RegistryNumber == TestPki.Pki.CompanyA.RegistryNumber)
                .Select(a => a.IsSuspended)
                .SingleAsync()
        );
        StringAssert.Contains(await admin.GetPageAsync("/admin?show=suspended"), TestPki.Pki.CompanyA.RegistryNumber);

        var restore = await admin.PostFormAsync(
            "/admin",
            "/admin?handler=Suspend",
            new() { ["registryNumber"] = TestPki.Pki.CompanyA.RegistryNumber, ["suspend"] = "false" }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.IsFalse(
            await db
                .Accounts.AsNoTracking()
                .Where(a => a.RegistryNumber == TestPki.Pki.CompanyA.RegistryNumber)
                .Select(a => a.IsSuspended)
                .SingleAsync()
        );
    }

    [TestMethod]
    public async Task The_audit_chain_is_checked_on_demand()
    {
        using var admin = await WorkspaceClient.StaffAsync(Factories.Shared("Sqlite"), "admin");
        var response = await admin.PostFormAsync("/admin", "/admin?handler=VerifyAudit", []);
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        StringAssert.Contains(html, "audit-result");
        StringAssert.Contains(html, "flash ok");
    }

    [TestMethod]
    public async Task Only_the_service_administrator_opens_the_page()
    {
        var factory = Factories.Shared("Sqlite");
        foreach (var userName in new[] { "admin-9011001", "bichig" })
        {
            using var staff = await WorkspaceClient.StaffAsync(factory, userName);
            var response = await staff.Http.GetAsync("/admin");
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, userName);
            StringAssert.StartsWith(
                response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString,
                "/denied"
            );
        }

        using var company = await WorkspaceClient.CompanyAsync(factory, TestPki.Pki.CompanyA);
        Assert.AreEqual(HttpStatusCode.Redirect, (await company.Http.GetAsync("/admin")).StatusCode);
        var post = await company.PostFormAsync(
            "/login",
            "/admin?handler=Suspend",
            new() { ["registryNumber"] = "5123456", ["suspend"] = "true" }
        );
        Assert.AreNotEqual(HttpStatusCode.OK, post.StatusCode);
    }
}
