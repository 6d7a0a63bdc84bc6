using System.Net.Http.Json;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Browser.Tests;

/// <summary>
/// A company's records manager downloads the delivery receipt of a sent letter from the outbox, and anyone, logged out,
/// checks it on /verify: valid, sealed by the service, and in agreement with the records.
/// </summary>
[TestClass]
public sealed class ReceiptTests
{
    private static WorkspaceServer s_server = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => s_server = WorkspaceServer.Start();

    [ClassCleanup]
    public static void Stop() => s_server.Dispose();

    [TestMethod]
    public async Task A_receipt_downloaded_from_the_outbox_verifies_on_the_verify_page()
    {
        using var company = await ApiSession.CompanyAsync(s_server.Factory, TestPki.Pki.CompanyA);
        var subject = $"Хүргэлтийн баримт {Guid.NewGuid():N}"[..32];
        var sent = await company.SubmitAsync(
            TestPki.SignedLetter(TestPki.Pki.CompanyA, subject),
            ["9011001"],
            null,
            subject
        );
        var id = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var browser = Browser.Open();

        Sessions.Company(browser, s_server);
        browser.WaitUntil(
            d =>
            {
                d.Navigate().Refresh();
                return d.FindElements(OpenQA.Selenium.By.CssSelector($"#letter-{id} .badge.Delivered")).Count == 1;
            },
            "the letter delivered in the outbox"
        );
        var link = browser.Find($"#letter-{id} .receipt-link");
        StringAssert.Contains(link.GetAttribute("aria-label"), "Нийслэлийн Засаг Даргын Тамгын Газар");
        link.Click();
        var receipt = browser.WaitForDownload($"receipt-*{Guid.Parse(id!):N}*.pdf");
        Sessions.LogOut(browser, s_server);

        browser.Go(s_server.Url("/verify"));
        browser.Find("#letter").SendKeys(receipt);
        browser.Click("#verify-form button[type='submit']");

        browser.Find("[data-receipt='valid']");
        browser.Find("[data-records='match']");
        StringAssert.Contains(browser.Find("#receipt").Text, subject);
        StringAssert.Contains(browser.Find("[data-party='recipient']").Text, "(9011001)");
        Assert.AreEqual("", browser.AccessibilityProblems());
        browser.Screenshot("12-verify-receipt");
    }
}
