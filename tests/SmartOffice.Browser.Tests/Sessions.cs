using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>Logging in the way people do, for tests whose subject is what comes after.</summary>
internal static class Sessions
{
    public static void Staff(Browser browser, WorkspaceServer server, string userName, string expectedPath = "/inbox")
    {
        browser.Go(server.Url("/login"));
        browser.Type("#userName", userName);
        browser.Type("#password", "demo");
        browser.Find("#password").Submit();
        browser.WaitForPath(expectedPath);
    }

    /// <summary>A company logs in with its e-Token file (company-a.p12, company-b.p12…), signed in the page.</summary>
    public static void Company(Browser browser, WorkspaceServer server, string p12 = "company-a.p12")
    {
        browser.Go(server.Url("/login"));
        browser.Find("#p12").SendKeys(Path.Combine(TestPki.Folder, "p12", p12));
        browser.Type("#p12-password", "demo");
        browser.Click("#certificate-submit");
        browser.WaitForPath("/outbox");
    }

    public static void LogOut(Browser browser, WorkspaceServer server)
    {
        browser.Click("form[action='/logout'] button");
        browser.WaitForPath("/login");
    }
}
