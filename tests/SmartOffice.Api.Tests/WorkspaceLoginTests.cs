using System.Net;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The workspace's session: both kinds of login, the cookie never opening the API, both languages complete.
/// </summary>
[TestClass]
public sealed class WorkspaceLoginTests
{
    [TestMethod]
    public async Task Staff_log_in_with_a_password_and_land_in_the_inbox()
    {
        using var client = await WorkspaceClient.StaffAsync(Factories.Shared("Sqlite"), "bichig");
        var response = await client.Http.GetAsync("/");
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/inbox", response.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task A_company_logs_in_by_signing_the_challenge_and_lands_in_its_outbox()
    {
        using var client = await WorkspaceClient.CompanyAsync(Factories.Shared("Sqlite"), TestPki.Pki.CompanyA);
        var response = await client.Http.GetAsync("/");
        Assert.AreEqual("/outbox", response.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        using var client = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));
        var response = await client.PostFormAsync(
            "/login",
            "/login?handler=Password",
            new() { ["userName"] = "bichig", ["password"] = "wrong" }
        );
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "login-error");
        Assert.AreEqual(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
        Assert.AreEqual("/login", (await client.Http.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task A_revoked_certificate_cannot_open_a_session()
    {
        using var client = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));
        var token = await client.AntiforgeryTokenAsync("/login");
        using var challengeRequest = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Challenge");
        challengeRequest.Headers.Add("RequestVerificationToken", token);
        var challenge = await client.Http.SendAsync(challengeRequest);
        var nonce = System
            .Text.Json.JsonDocument.Parse(await challenge.Content.ReadAsStringAsync())
            .RootElement.GetProperty("nonce")
            .GetString()!;
        var revoked = TestPki.Pki.Revoked;
        var response = await client.PostFormAsync(
            "/login",
            "/login?handler=Certificate",
            new() { ["nonce"] = nonce, ["signature"] = ApiSession.SignNonce(nonce, revoked.Certificate, revoked.Chain) }
        );
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task The_challenge_cannot_be_fetched_without_the_pages_antiforgery_token()
    {
        using var client = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));
        var response = await client.Http.PostAsync("/login?handler=Challenge", null);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [TestMethod]
    public async Task The_session_cookie_does_not_authenticate_api_calls()
    {
        using var client = await WorkspaceClient.StaffAsync(Factories.Shared("Sqlite"), "bichig");
        var response = await client.Http.GetAsync("/api/inbox");
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task Pages_need_a_session_and_the_language_switch_sticks()
    {
        using var client = WorkspaceClient.Anonymous(Factories.Shared("Sqlite"));
        var inbox = await client.Http.GetAsync("/logout");
        Assert.AreEqual(HttpStatusCode.Redirect, inbox.StatusCode);
        StringAssert.StartsWith(
            inbox.Headers.Location?.AbsolutePath ?? inbox.Headers.Location?.OriginalString,
            "/login"
        );
        StringAssert.Contains(await client.GetPageAsync("/login"), "Нэвтрэх");
        await client.Http.GetAsync("/language/en?returnUrl=/login");
        StringAssert.Contains(await client.GetPageAsync("/login"), "Log in with the certificate");
    }

    [TestMethod]
    public void Every_word_exists_in_mongolian_and_english()
    {
        var text = new UiText();
        var mongolian = text.Keys(UiText.Mongolian).ToHashSet();
        var english = text.Keys(UiText.English).ToHashSet();
        Assert.IsTrue(mongolian.Count > 20);
        CollectionAssert.AreEquivalent(
            mongolian.Order().ToList(),
            english.Order().ToList(),
            $"only in mn: {string.Join(", ", mongolian.Except(english))}; only in en: "
                + $"{string.Join(", ", english.Except(mongolian))}"
        );
    }
}
