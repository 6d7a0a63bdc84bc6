using System.Net.Http.Json;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// Letters as they really are, in a real browser: a company sends a letter with its appendices and reads each in the
/// letter's viewer; an agency's registrar forwards a letter to the competent agency and the company sees the forward.
/// </summary>
[TestClass]
public sealed class AttachmentAndForwardTests
{
    private static WorkspaceServer s_server = null!;
    private static string s_files = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        s_server = WorkspaceServer.Start();
        s_files = Directory.CreateTempSubdirectory("smartoffice-attachments-").FullName;
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_server.Dispose();
        Directory.Delete(s_files, recursive: true);
    }

    [TestMethod]
    public void A_company_sends_a_letter_with_attachments_and_reads_each_in_the_viewer()
    {
        var subject = $"Хавсралттай бичиг {Guid.NewGuid():N}"[..32];
        // ASCII file names on disk: chromedriver cannot upload a file whose path it cannot encode under a C locale.
        var letter = Write("letter.pdf", TestPki.SignedLetter(TestPki.Pki.CompanyA, subject));
        var plan = Write("site-plan.pdf", TestPki.SignedLetter(TestPki.Pki.CompanyA, subject + " зураг"));
        var budget = Write("budget.pdf", TestPki.SignedLetter(TestPki.Pki.CompanyA, subject + " төсөв"));
        using var browser = Browser.Open();
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
        browser.Find("#file").SendKeys(letter);
        browser.Find("#attachments").SendKeys($"{plan}\n{budget}");
        browser.Click("#check-button");
        browser.Find("#check-verdict.check-ok");
        browser.Click("#send-button");
        browser.WaitUntil(
            d => new Uri(d.Url).AbsolutePath.StartsWith("/letters/", StringComparison.Ordinal),
            "the new letter's page"
        );

        var list = browser.Find("#attachments");
        StringAssert.Contains(list.Text, "1. site-plan.pdf");
        StringAssert.Contains(list.Text, "2. budget.pdf");
        browser.WaitUntil(_ => browser.Find("#pdf-viewer").GetAttribute("data-rendered") == "1", "the letter shown");
        browser.Find("#attachments a.attachment-view").Click();
        browser.WaitUntil(
            _ =>
                browser
                    .Find("#pdf-viewer")
                    .GetAttribute("data-shown")!
                    .EndsWith("/attachments/1", StringComparison.Ordinal)
                && browser.Find("#pdf-viewer").GetAttribute("data-rendered") == "1",
            "the first attachment shown in the viewer"
        );
        Assert.AreEqual("true", browser.Find("#attachments a.attachment-view").GetAttribute("aria-current"));
        Assert.AreEqual("", browser.AccessibilityProblems());
        browser.Driver.ExecuteScript("document.getElementById('attachments').scrollIntoView({block: 'center'});");
        browser.Screenshot("13-letter-attachments");
    }

    [TestMethod]
    public async Task A_registrar_forwards_a_letter_and_the_company_sees_where_it_went()
    {
        using var company = await ApiSession.CompanyAsync(s_server.Factory, TestPki.Pki.CompanyA);
        var subject = $"Шилжүүлэх бичиг {Guid.NewGuid():N}"[..30];
        var sent = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA, subject),
            ["9011001"],
            null,
            subject
        );
        var id = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var browser = Browser.Open();
        Sessions.Staff(browser, s_server, "bichig");
        browser.WaitUntil(
            d =>
            {
                d.Navigate().GoToUrl(s_server.Url($"/letters/{id}"));
                return d.FindElements(OpenQA.Selenium.By.Id("register-button")).Count == 1;
            },
            "the delivered letter"
        );

        browser.Click("#more-actions summary");
        browser.Click("#bar-forward");
        browser.WaitUntil(_ => browser.Find("#forward-to").Displayed, "the forward form unfolded by the menu link");
        Assert.IsNull(browser.Find("#more-actions").GetAttribute("open"), "the menu closes once its link is followed");
        browser.Type("#forward-to", "9011006");
        browser.Type("#forward-reason", "Барилгын асуудал тус газрын харьяа");
        Assert.AreEqual("", browser.AccessibilityProblems());
        browser.Screenshot("14-letter-forward");
        browser.Click("#forward-button");
        browser.WaitForText("9011006 руу шилжүүлэв.");
        Assert.AreEqual("Өөр байгууллагад шилжүүлсэн", browser.Find("#own-state").Text);

        Sessions.LogOut(browser, s_server);
        Sessions.Company(browser, s_server);
        browser.WaitUntil(
            d =>
            {
                d.Navigate().GoToUrl(s_server.Url("/outbox"));
                return d.FindElement(OpenQA.Selenium.By.TagName("body"))
                    .Text.Contains("Нийслэлийн Барилга хот байгуулалтын газар", StringComparison.Ordinal);
            },
            "the competent agency among the letter's recipients"
        );
        StringAssert.Contains(browser.PageText, "Өөр байгууллагад шилжүүлсэн: 9011006");
    }

    private static string Write(string name, byte[] content)
    {
        var path = Path.Combine(s_files, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
