namespace SmartOffice.Browser.Tests;

/// <summary>
/// Every screen on a phone-sized window (390 × 844, the most common phone here): labelled controls, one h1, no sideways
/// scrolling; and reachable by keyboard: the skip link is the first Tab stop and lands on the page's main content.
/// </summary>
[TestClass]
public sealed class AccessibilityTests
{
    private static WorkspaceServer s_server = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => s_server = WorkspaceServer.Start();

    [ClassCleanup]
    public static void Stop() => s_server.Dispose();

    [TestMethod]
    public void The_axe_check_finds_what_it_is_there_to_find()
    {
        using var browser = Browser.Open(390, 844);
        browser.Go(
            "data:text/html;charset=utf-8,"
                + Uri.EscapeDataString(
                    "<html lang=mn><title>t</title><main><h1>t</h1><img src=x.png>"
                        + "<nav aria-label=a><a href=/x>1</a></nav><nav aria-label=a><a href=/y>2</a></nav>"
                        + "<a href=/z aria-label='Өөр нэр'>Бүртгэх</a></main></html>"
                )
        );

        var violations = browser.AxeViolations();
        StringAssert.Contains(violations, "axe image-alt");
        StringAssert.Contains(violations, "axe landmark-unique");
        StringAssert.Contains(violations, "axe label-content-name-mismatch");
    }

    [TestMethod]
    public void The_public_pages_read_well_on_a_phone() => Check(null, "/login");

    [TestMethod]
    public void The_public_verification_page_reads_well_on_a_phone() => Check(null, "/verify");

    [TestMethod]
    public void The_clerks_pages_read_well_on_a_phone() => Check("bichig", "/inbox", "/send", "/outbox", "/stats");

    [TestMethod]
    public void The_companys_pages_read_well_on_a_phone()
    {
        using var browser = Browser.Open(390, 844);
        Sessions.Company(browser, s_server);
        Visit(browser, "/outbox", "/send", "/inbox");
    }

    [TestMethod]
    public void The_agency_admins_pages_read_well_on_a_phone() => Check("admin-9011001", "/agency");

    [TestMethod]
    public void The_service_admins_pages_read_well_on_a_phone() => Check("admin", "/admin", "/stats/city");

    private static void Check(string? staff, params string[] paths)
    {
        using var browser = Browser.Open(390, 844);
        if (staff is not null)
        {
            // Service administrators belong to no agency: their day starts on the administration page.
            Sessions.Staff(browser, s_server, staff, staff == "admin" ? "/admin" : "/inbox");
        }

        Visit(browser, paths);
    }

    private static void Visit(Browser browser, params string[] paths)
    {
        foreach (var path in paths)
        {
            browser.Go(s_server.Url(path));
            browser.Find("main");
            Assert.AreEqual("", browser.AccessibilityProblems(), path);
            browser.TabTo("a.skip");
            new OpenQA.Selenium.Interactions.Actions(browser.Driver).SendKeys(OpenQA.Selenium.Keys.Enter).Perform();
            browser.WaitUntil(
                d =>
                    (bool)
                        ((OpenQA.Selenium.IJavaScriptExecutor)d).ExecuteScript(
                            "return document.activeElement.id === 'main';"
                        )!,
                $"the skip link to move focus to main on {path}"
            );
        }
    }
}
