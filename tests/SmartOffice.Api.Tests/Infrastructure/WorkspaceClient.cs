using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// The browser workspace over HTTP, as a browser without JavaScript would use it: a cookie session, pages fetched as
/// HTML, forms posted with the antiforgery token read from the page. (Real-browser tests live in
/// SmartOffice.Browser.Tests.)
/// </summary>
internal sealed partial class WorkspaceClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static WorkspaceClient Anonymous(ApiFactory factory) =>
        new(
            factory.CreateClient(
                new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
            )
        );

    public static async Task<WorkspaceClient> StaffAsync(ApiFactory factory, string userName, string password = "demo")
    {
        var client = Anonymous(factory);
        var response = await client.PostFormAsync(
            "/login",
            "/login?handler=Password",
            new() { ["userName"] = userName, ["password"] = password }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>
    /// Company login exactly as login.js does it: fetch a nonce, sign it (detached CMS), post nonce and signature.
    /// </summary>
    public static async Task<WorkspaceClient> CompanyAsync(ApiFactory factory, DemoIdentity identity)
    {
        var client = Anonymous(factory);
        var token = await client.AntiforgeryTokenAsync("/login");
        using var challengeRequest = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Challenge");
        challengeRequest.Headers.Add("RequestVerificationToken", token);
        var challenge = await client.Http.SendAsync(challengeRequest);
        Assert.AreEqual(HttpStatusCode.OK, challenge.StatusCode, await challenge.Content.ReadAsStringAsync());
        var nonce = JsonDocument
            .Parse(await challenge.Content.ReadAsStringAsync())
            .RootElement.GetProperty("nonce")
            .GetString()!;
        var response = await client.PostFormAsync(
            "/login",
            "/login?handler=Certificate",
            new()
            {
                ["nonce"] = nonce,
                ["signature"] = ApiSession.SignNonce(nonce, identity.Certificate, identity.Chain),
            }
        );
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    public async Task<string> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, $"{path}: {html}");
        return html;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="pagePath"/>.</summary>
    public async Task<string> AntiforgeryTokenAsync(string pagePath)
    {
        var html = await GetPageAsync(pagePath);
        var match = TokenPattern().Match(html);
        Assert.IsTrue(match.Success, $"{pagePath} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>
    /// Posts a form the way the page at <paramref name="pagePath"/> would (its antiforgery token included).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string pagePath,
        string action,
        Dictionary<string, string> fields
    )
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(pagePath);
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(action, content);
    }

    /// <summary>Posts a multipart form (file uploads) with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(
        string pagePath,
        string action,
        MultipartFormDataContent form
    )
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Add(new StringContent(await AntiforgeryTokenAsync(pagePath)), "__RequestVerificationToken");
        return await Http.PostAsync(action, form);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
