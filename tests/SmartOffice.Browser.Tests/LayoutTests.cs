using OpenQA.Selenium;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// The frame around every page: the header on one row on a laptop, phone cards without empty labels, the favicon, and
/// a refused letter that is read first and keeps its file.
/// </summary>
[TestClass]
public sealed class LayoutTests
{
    private static WorkspaceServer s_server = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => s_server = WorkspaceServer.Start();

    [ClassCleanup]
    public static void Stop() => s_server.Dispose();

    [TestMethod]
    public void The_header_fits_one_row_on_a_laptop_for_every_role()
    {
        foreach (
            var (user, landing) in new[] { ("admin-9011001", "/inbox"), ("dulguun", "/inbox"), ("admin", "/admin") }
        )
        {
            using var browser = Browser.Open(1366, 768);
            Sessions.Staff(browser, s_server, user, landing);
            // One row: every part of the header overlaps every other vertically (they are centred, not top-aligned).
            var layout = (string)
                browser.Driver.ExecuteScript(
                    """
                    const boxes = [...document.querySelectorAll('.topbar > *')].map(e => e.getBoundingClientRect());
                    const oneRow = Math.max(...boxes.map(b => b.top)) < Math.min(...boxes.map(b => b.bottom));
                    const where = b => [b.left, b.top, b.width, b.height].map(Math.round).join(' ');
                    return oneRow ? '' : boxes.map(where).join('; ');
                    """
                )!;
            Assert.AreEqual("", layout, $"{user}: the header's brand, menu and session share one row");
        }
    }

    [TestMethod]
    public void A_phone_card_shows_no_label_without_a_value()
    {
        using var browser = Browser.Open(390, 844);
        Sessions.Staff(browser, s_server, "admin-9011001");
        foreach (var path in new[] { "/inbox?tab=new", "/agency", "/outbox" })
        {
            browser.Go(s_server.Url(path));
            browser.Find("main");
            var empty = (string)
                browser.Driver.ExecuteScript(
                    """
                    return [...document.querySelectorAll('td[data-label]')]
                        .filter(td => td.textContent.trim() === '' && td.offsetParent !== null
                            && td.querySelector('input, select, button, a, img, svg') === null)
                        .map(td => td.dataset.label).join(', ');
                    """
                )!;
            Assert.AreEqual("", empty, $"{path}: labels shown without a value");
        }
    }

    [TestMethod]
    public void The_favicon_is_served_and_linked()
    {
        using var browser = Browser.Open();
        browser.Go(s_server.Url("/login"));
        Assert.AreEqual(
            "/favicon.svg",
            new Uri(browser.Driver.FindElement(By.CssSelector("link[rel='icon']")).GetAttribute("href")!).AbsolutePath
        );
        // Browsers ask for /favicon.ico on their own; it leads to the SVG.
        var icon = (string)
            ((IJavaScriptExecutor)browser.Driver).ExecuteAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                fetch('/favicon.ico').then(r => done(r.status + ' ' + r.headers.get('Content-Type')));
                """
            )!;
        StringAssert.StartsWith(icon, "200 image/svg+xml");
    }

    [TestMethod]
    public void A_refused_letter_is_focused_in_view_and_its_file_stays_chosen()
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-layout-").FullName;
        try
        {
            var file = Path.Combine(folder, "changed.pdf");
            File.WriteAllBytes(file, ChangedLetter.AfterSigning(TestPki.SignedLetter(TestPki.Pki.CompanyA)));
            using var browser = Browser.Open(1366, 768);
            Sessions.Company(browser, s_server);
            browser.Go(s_server.Url("/send"));
            browser.Type("#recipient-search", "9011001");
            browser.Find("#recipient-option-0");
            browser.Find("#recipient-search").SendKeys(Keys.Enter);
            browser.Type("#subject", "Барилгын зөвшөөрөл");
            browser.Find("#file").SendKeys(file);
            browser.Click("#send-button");

            browser.WaitUntil(
                d => d.SwitchTo().ActiveElement().GetAttribute("id") == "check-verdict",
                "the refusal to take the focus"
            );
            var verdict = browser.Find("#check-verdict.check-bad");
            Assert.AreEqual("modified_after_signing", verdict.GetAttribute("data-code"));
            var inView = (bool)
                browser.Driver.ExecuteScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;",
                    verdict
                )!;
            Assert.IsTrue(inView, "the refusal is scrolled into view");
            Assert.AreEqual(
                "changed.pdf",
                (string)browser.Driver.ExecuteScript("return document.getElementById('file').files[0]?.name;")!
            );
            Assert.AreEqual("/send", new Uri(browser.Driver.Url).AbsolutePath);
            Assert.AreEqual("", browser.AccessibilityProblems());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
