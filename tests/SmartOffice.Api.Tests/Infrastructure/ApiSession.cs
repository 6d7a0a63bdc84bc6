using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>An HTTP client logged in as someone, with the calls tests make (all through the real pipeline).</summary>
internal sealed class ApiSession(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public JsonElement Token { get; private set; }

    public static Task<ApiSession> CompanyAsync(
        Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory,
        DemoIdentity identity
    ) => CompanyAsync(factory.CreateClient(), identity);

    /// <summary>
    /// A company logged in by certificate through <paramref name="http"/> (any Api: in-process or a real process).
    /// </summary>
    public static async Task<ApiSession> CompanyAsync(HttpClient http, DemoIdentity identity)
    {
        var session = new ApiSession(http);
        var response = await session.CertificateLoginAsync(identity.Certificate, identity.Chain);
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        await session.UseTokenAsync(response);
        return session;
    }

    public static Task<ApiSession> StaffAsync(ApiFactory factory, string userName, string password = "demo") =>
        StaffAsync(factory.CreateClient(), userName, password);

    public static async Task<ApiSession> StaffAsync(HttpClient http, string userName, string password = "demo")
    {
        var session = new ApiSession(http);
        var response = await session.Http.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        await session.UseTokenAsync(response);
        return session;
    }

    public async Task<HttpResponseMessage> CertificateLoginAsync(
        X509Certificate2 certificate,
        IEnumerable<X509Certificate2> chain,
        string? nonce = null
    )
    {
        nonce ??= await NewNonceAsync();
        return await Http.PostAsJsonAsync(
            "/api/auth/token",
            new { nonce, signature = SignNonce(nonce, certificate, chain) }
        );
    }

    public async Task<string> NewNonceAsync()
    {
        var challenge = await Http.PostAsync("/api/auth/challenge", null);
        return (await challenge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nonce").GetString()!;
    }

    public static string SignNonce(string nonce, X509Certificate2 certificate, IEnumerable<X509Certificate2> chain)
    {
        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(nonce)), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain.ToArray());
        cms.ComputeSignature(signer, silent: true);
        return Convert.ToBase64String(cms.Encode());
    }

    public Task<HttpResponseMessage> SubmitAsync(byte[] pdf, params string[] recipients) =>
        SubmitAsync(pdf, recipients, null);

    public async Task<HttpResponseMessage> SubmitAsync(
        byte[] pdf,
        IEnumerable<string> recipients,
        string? idempotencyKey,
        string subject = "Барилгын зөвшөөрөл",
        string? inReplyTo = null,
        string? reference = null,
        IReadOnlyList<(string Name, byte[] Pdf)>? attachments = null
    )
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "letter.pdf");
        foreach (var (name, content) in attachments ?? [])
        {
            var attachment = new ByteArrayContent(content);
            attachment.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(attachment, "attachments", name);
        }

        form.Add(new StringContent(subject), "subject");
        foreach (var recipient in recipients)
        {
            form.Add(new StringContent(recipient), "recipients");
        }

        if (inReplyTo is not null)
        {
            form.Add(new StringContent(inReplyTo), "inReplyTo");
        }

        if (reference is not null)
        {
            form.Add(new StringContent(reference), "reference");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/letters") { Content = form };
        if (idempotencyKey is not null)
        {
            // Unvalidated: tests send malformed keys on purpose.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> AcceptedAsync(byte[] pdf, params string[] recipients)
    {
        var response = await SubmitAsync(pdf, recipients);
        Assert.AreEqual(
            System.Net.HttpStatusCode.Accepted,
            response.StatusCode,
            await response.Content.ReadAsStringAsync()
        );
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.AreEqual(
            System.Net.HttpStatusCode.OK,
            response.StatusCode,
            $"{path}: {await response.Content.ReadAsStringAsync()}"
        );
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => Http.Dispose();

    private async Task UseTokenAsync(HttpResponseMessage response)
    {
        Token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            Token.GetProperty("accessToken").GetString()
        );
    }
}

/// <summary>Reads problem details the way an integration would.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> HasCodeAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, (int)response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.AreEqual(code, problem.GetProperty("code").GetString(), body);
        return problem;
    }
}
