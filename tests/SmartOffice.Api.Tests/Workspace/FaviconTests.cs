using System.Net;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Workspace;

/// <summary>Browsers ask for /favicon.ico before any login; it must answer, not 404 or ask for a login.</summary>
[TestClass]
public sealed class FaviconTests
{
    [TestMethod]
    public async Task The_favicon_is_served_to_anyone_and_the_ico_address_leads_to_it()
    {
        using var anonymous = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));

        var ico = await anonymous.Http.GetAsync("/favicon.ico");
        var svg = await anonymous.Http.GetAsync("/favicon.svg");

        Assert.AreEqual(HttpStatusCode.MovedPermanently, ico.StatusCode, await ico.Content.ReadAsStringAsync());
        Assert.AreEqual("/favicon.svg", ico.Headers.Location?.OriginalString);
        Assert.AreEqual(HttpStatusCode.OK, svg.StatusCode, await svg.Content.ReadAsStringAsync());
        Assert.AreEqual("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
    }
}
