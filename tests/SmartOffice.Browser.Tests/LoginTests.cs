using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// Logging in with a real browser: a company's e-Token file signed in the page (node-forge), staff by password.
/// </summary>
[TestClass]
public sealed class LoginTests
{
    private static WorkspaceServer s_server = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => s_server = WorkspaceServer.Start();

    [ClassCleanup]
    public static void Stop() => s_server.Dispose();

    [TestMethod]
    public void A_company_logs_in_with_its_p12_file_signed_in_the_browser()
    {
        using var browser = Browser.Open();
        browser.Go(s_server.Url("/login"));
        browser.Screenshot("01-login");
        browser.Find("#p12").SendKeys(Path.Combine(TestPki.Folder, "p12", "company-a.p12"));
        browser.Type("#p12-password", "demo");
        browser.Click("#certificate-submit");
        browser.WaitForPath("/outbox");
    }

    [TestMethod]
    public void A_wrong_p12_password_is_explained_and_nothing_is_sent()
    {
        using var browser = Browser.Open();
        browser.Go(s_server.Url("/login"));
        browser.Find("#p12").SendKeys(Path.Combine(TestPki.Folder, "p12", "company-a.p12"));
        browser.Type("#p12-password", "not-the-password");
        browser.Click("#certificate-submit");
        browser.WaitUntil(
            _ => browser.Find("#certificate-status").Text.Contains("нууц үг", StringComparison.Ordinal),
            "the wrong-password message"
        );
        Assert.AreEqual("/login", new Uri(browser.Driver.Url).AbsolutePath);
    }

    [TestMethod]
    public void A_revoked_certificate_is_refused_with_its_reason()
    {
        using var browser = Browser.Open();
        browser.Go(s_server.Url("/login"));
        browser.Find("#p12").SendKeys(Path.Combine(TestPki.Folder, "p12", "revoked.p12"));
        browser.Type("#p12-password", "demo");
        browser.Click("#certificate-submit");
        browser.Find("#login-error");
        StringAssert.Contains(browser.Find("#login-error").Text, "revoked");
    }

    [TestMethod]
    public void Staff_log_in_with_a_password_and_can_switch_to_english()
    {
        using var browser = Browser.Open();
        browser.Go(s_server.Url("/login"));
        browser.Click("a[lang='en']");
        browser.WaitForText("Agency staff");
        browser.Type("#userName", "bichig");
        browser.Type("#password", "demo");
        browser.Find("#password").Submit();
        browser.WaitForPath("/inbox");
    }
}
