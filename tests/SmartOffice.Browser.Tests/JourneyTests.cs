using System.Net.Http.Json;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// The whole story in a real browser, as its people live it: a company is told why a changed file cannot go, sends the
/// signed letter; the agency's registrar registers and assigns it; the executor answers with a signed reply; the
/// company sees the answer in its outbox; the agency sees it in its statistics; anyone can verify the letter.
/// Screenshots of each main screen go to docs/screenshots when SMARTOFFICE_SCREENSHOT_DIR is set.
/// </summary>
[TestClass]
public sealed class JourneyTests
{
    private static WorkspaceServer s_server = null!;
    private static string s_files = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        s_server = WorkspaceServer.Start();
        s_files = Directory.CreateTempSubdirectory("smartoffice-journey-").FullName;
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_server.Dispose();
        Directory.Delete(s_files, recursive: true);
    }

    [TestMethod]
    public void A_letter_goes_from_a_company_to_an_agency_and_its_answer_comes_back()
    {
        var subject = $"Барилгын зөвшөөрлийн хүсэлт {Guid.NewGuid():N}"[..40];
        var signed = Write("letter.pdf", TestPki.SignedLetter(TestPki.Pki.CompanyA, subject));
        var tampered = Write(
            "changed.pdf",
            ChangedLetter.AfterSigning(TestPki.SignedLetter(TestPki.Pki.CompanyA, subject + " 2"))
        );
        var reply = Write("reply.pdf", TestPki.SignedLetter(TestPki.Pki.Agency, "Хариу: " + subject));
        using var browser = Browser.Open();

        // The company: a changed file is refused with its reason and what to do; the signed one is checked and sent.
        Sessions.Company(browser, s_server);
        browser.Go(s_server.Url("/send"));
        browser.Type("#recipient-search", "9011001");
        browser.Find("#recipient-option-0");
        browser.Find("#recipient-search").SendKeys(OpenQA.Selenium.Keys.Enter);
        browser.WaitUntil(
            _ => browser.Find("#recipient-chips").Text.Contains("9011001", StringComparison.Ordinal),
            "the chosen recipient's chip"
        );
        browser.Type("#subject", subject);
        browser.Find("#file").SendKeys(tampered);
        browser.Click("#check-button");
        var refused = browser.Find("#check-verdict.check-bad");
        Assert.AreEqual("modified_after_signing", refused.GetAttribute("data-code"));
        StringAssert.Contains(refused.Text, "дахин");
        browser.Driver.ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", refused);
        browser.Screenshot("02-send-refused");

        browser.Find("#file").Clear();
        browser.Find("#file").SendKeys(signed);
        browser.Click("#check-button");
        browser.Find("#check-verdict.check-ok");
        browser.Screenshot("03-send-checked");
        browser.Click("#send-button");
        browser.WaitUntil(
            d => new Uri(d.Url).AbsolutePath.StartsWith("/letters/", StringComparison.Ordinal),
            "the new letter's page"
        );
        var letterPath = new Uri(browser.Driver.Url).AbsolutePath;
        browser.Find("#signature");
        // The letter's first page is drawn by PDF.js (the PDF itself is served sandboxed, so no plug-in frame).
        browser.WaitUntil(
            d =>
                (string?)
                    ((OpenQA.Selenium.IJavaScriptExecutor)d).ExecuteScript(
                        "const v = document.getElementById('pdf-viewer'); return v && v.dataset.rendered;"
                    ) == "1",
            "the letter's first page drawn"
        );
        Assert.IsGreaterThan(
            100L,
            (long)
                ((OpenQA.Selenium.IJavaScriptExecutor)browser.Driver).ExecuteScript(
                    "return document.querySelector('#pdf-viewer canvas').width;"
                )!
        );
        browser.Screenshot("04-letter-sent");
        Sessions.LogOut(browser, s_server);

        // The registrar: the letter is in the inbox; register it and assign it.
        Sessions.Staff(browser, s_server, "bichig");
        browser.WaitUntil(
            d =>
            {
                d.Navigate().Refresh();
                return browser.PageText.Contains(subject, StringComparison.Ordinal);
            },
            "the letter in the inbox"
        );
        browser.Screenshot("05-inbox");
        browser.Driver.FindElement(OpenQA.Selenium.By.LinkText(subject)).Click();
        browser.WaitForPath(letterPath);
        browser.Click("#register-button");
        var incoming = browser.Find("#incoming-number").Text;
        StringAssert.StartsWith(
            incoming,
            TimeZoneInfo
                .ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ulaanbaatar"))
                .Year + "/"
        );
        browser.Driver.ExecuteScript("document.getElementById('executor').value = 'gantulga';");
        browser.Click("#assign-button");
        browser.WaitForText("Гантулга");
        browser.Screenshot("06-letter-agency");
        Sessions.LogOut(browser, s_server);

        // The executor answers with the agency's signed reply.
        Sessions.Staff(browser, s_server, "gantulga");
        browser.Go(s_server.Url("/inbox?tab=progress&mine=true"));
        browser.Driver.FindElement(OpenQA.Selenium.By.LinkText(subject)).Click();
        // A wrong file first: the refusal is read out where the form is, and the chosen file stays chosen.
        browser.Find("#reply").SendKeys(tampered);
        browser.Click("#answer-button");
        browser.Find("#reply-refusal .check-bad");
        Assert.AreEqual(
            "changed.pdf",
            browser.Driver.ExecuteScript("return document.getElementById('reply').files[0]?.name;"),
            "the chosen file stays chosen after a refusal"
        );
        browser.Driver.ExecuteScript("document.getElementById('reply').value = '';");
        browser.Find("#reply").SendKeys(reply);
        browser.Click("#answer-button");
        browser.Find(".flash.ok");
        Assert.AreEqual("Answered", browser.Find("#own-state").GetAttribute("class")!.Split(' ')[1]);
        Sessions.LogOut(browser, s_server);

        // The company sees the incoming number and the answer in its outbox.
        Sessions.Company(browser, s_server);
        var block = browser.Find($"#letter-{letterPath["/letters/".Length..]}");
        StringAssert.Contains(block.Text, incoming);
        block.FindElement(OpenQA.Selenium.By.CssSelector("a[href^='/letters/']:not([href*='evidence'])"));
        Assert.IsNotEmpty(
            block.FindElements(OpenQA.Selenium.By.CssSelector(".badge.Answered")),
            "the recipient's state is Answered"
        );
        browser.Screenshot("07-outbox-answered");
        Sessions.LogOut(browser, s_server);

        // The agency's statistics count it.
        Sessions.Staff(browser, s_server, "dulguun");
        browser.Go(s_server.Url("/stats"));
        Assert.AreNotEqual("0", browser.Find("#kpi-answered").Text);
        browser.Screenshot("08-stats");
        Sessions.LogOut(browser, s_server);

        // Anyone: this exact document was exchanged here.
        browser.Go(s_server.Url("/verify"));
        browser.Find("#letter").SendKeys(signed);
        browser.Click("#verify-form button[type='submit']");
        browser.Find("[data-exchanged='yes']");
        browser.Screenshot("09-verify");
    }

    [TestMethod]
    public async Task A_clerk_with_the_inbox_open_is_told_when_a_letter_arrives()
    {
        using var browser = Browser.Open();
        Sessions.Staff(browser, s_server, "bichig");
        browser.WaitUntil(
            d =>
                (bool)
                    ((OpenQA.Selenium.IJavaScriptExecutor)d).ExecuteScript(
                        "return document.getElementById('inbox-arrived').hidden;"
                    )!,
            "the banner hidden before anything arrives"
        );
        Thread.Sleep(1000); // the page's live connection is being made

        using var company = await ApiSession.CompanyAsync(s_server.Factory, TestPki.Pki.CompanyA);
        var subject = $"Шууд мэдэгдэл {Guid.NewGuid():N}"[..30];
        var sent = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA, subject),
            ["9011001"],
            null,
            subject
        );
        Assert.AreEqual(System.Net.HttpStatusCode.Accepted, sent.StatusCode);

        var banner = browser.Find("#inbox-arrived");
        StringAssert.Contains(banner.Text, "ирлээ");
        Assert.DoesNotContain(subject, browser.PageText, "the list is not reloaded under the clerk's hands");
        banner.FindElement(OpenQA.Selenium.By.TagName("a")).Click();
        browser.WaitForText(subject);
    }

    [TestMethod]
    public void The_inbox_reads_well_on_a_phone()
    {
        using var browser = Browser.Open(390, 844);
        Sessions.Staff(browser, s_server, "bichig");
        browser.Go(s_server.Url("/inbox"));
        Assert.AreEqual("", browser.AccessibilityProblems());
        browser.Screenshot("10-inbox-phone");
    }

    [TestMethod]
    [DataRow(1366, 768)]
    [DataRow(390, 844)]
    public async Task The_next_action_is_on_the_first_screen_of_a_letter_and_stays_there_on_scroll(
        int width,
        int height
    )
    {
        using var company = await ApiSession.CompanyAsync(s_server.Factory, TestPki.Pki.CompanyA);
        var subject = $"Дараагийн алхам {Guid.NewGuid():N}"[..30];
        var sent = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA, subject),
            ["9011001"],
            null,
            subject
        );
        var id = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var browser = Browser.Open(width, height);
        Sessions.Staff(browser, s_server, "bichig");
        browser.WaitUntil(
            d =>
            {
                d.Navigate().GoToUrl(s_server.Url($"/letters/{id}"));
                return d.FindElements(OpenQA.Selenium.By.Id("register-button")).Count == 1;
            },
            "the delivered letter with its Register button"
        );

        Assert.IsTrue(InView(browser, "register-button"), "Register is on the first screen");
        StringAssert.Contains(browser.Find("#signature-line").Text, "5123456");
        Assert.IsFalse(
            browser.Find(".signature-details").Displayed && IsOpen(browser),
            "the checks wait behind details"
        );
        browser.Driver.ExecuteScript("window.scrollTo(0, document.body.scrollHeight);");
        Assert.IsTrue(InView(browser, "register-button"), "Register stays in reach at the bottom of the page");
        Assert.AreEqual("", browser.AccessibilityProblems());
        browser.Screenshot($"11-letter-{width}");

        static bool InView(Browser browser, string id) =>
            (bool)
                browser.Driver.ExecuteScript(
                    "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return r.top >= 0 && r.bottom <= window.innerHeight;",
                    id
                )!;
        static bool IsOpen(Browser browser) =>
            (bool)browser.Driver.ExecuteScript("return document.querySelector('.signature-details').open;")!;
    }

    private static string Write(string name, byte[] content)
    {
        var path = Path.Combine(s_files, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
