using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SmartOffice.Cli.Commands;

/// <summary>
/// `smartoffice send FILE.pdf --to N... [--attach FILE.pdf...] --p12 FILE`: certificate login, then submission (what an
/// integration does).
/// </summary>
internal static class SendCommand
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout)
    {
        arguments.Allow(
            "--to",
            "--attach",
            "--p12",
            "--password",
            "--api",
            "--subject",
            "--reference",
            "--idempotency-key",
            "--in-reply-to",
            "--json"
        );
        if (arguments.Positional.Count != 1 || !File.Exists(arguments.Positional[0]))
        {
            throw new UsageException("send needs one existing FILE.pdf");
        }

        if (arguments.Values("--to").Count == 0)
        {
            throw new UsageException("send needs at least one --to REGISTRY_NUMBER");
        }

        if (arguments.Values("--attach").FirstOrDefault(a => !File.Exists(a)) is { } missing)
        {
            throw new UsageException($"--attach {missing}: no such file");
        }

        var certificate = SignCommand.LoadKey(
            arguments.Required("--p12"),
            P12Password.Resolve(arguments, Console.Error),
            out var chain
        );
        using var http = new HttpClient { BaseAddress = new Uri(arguments.Value("--api") ?? "http://127.0.0.1:5000") };
        var token = await LoginAsync(http, certificate, chain);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(arguments.Positional[0]));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", Path.GetFileName(arguments.Positional[0]));
        foreach (var path in arguments.Values("--attach"))
        {
            var attachment = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            attachment.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(attachment, "attachments", Path.GetFileName(path));
        }

        form.Add(
            new StringContent(
                arguments.Value("--subject") ?? Path.GetFileNameWithoutExtension(arguments.Positional[0])
            ),
            "subject"
        );
        foreach (var recipient in arguments.Values("--to"))
        {
            form.Add(new StringContent(recipient), "recipients");
        }

        if (arguments.Value("--reference") is { } reference)
        {
            form.Add(new StringContent(reference), "reference");
        }
        if (arguments.Value("--in-reply-to") is { } original)
        {
            form.Add(new StringContent(original), "inReplyTo");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/letters") { Content = form };
        if (arguments.Value("--idempotency-key") is { } key)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await stdout.WriteLineAsync(
            arguments.Has("--json") ? body : SendSummary.Format((int)response.StatusCode, body)
        );
        return response.IsSuccessStatusCode ? CliApp.Ok : CliApp.Refused;
    }

    /// <summary>POST /api/auth/challenge, sign the nonce (detached CMS with the chain), POST /api/auth/token.</summary>
    public static async Task<string> LoginAsync(
        HttpClient http,
        X509Certificate2 certificate,
        IReadOnlyList<X509Certificate2> chain
    )
    {
        using var challengeResponse = await http.PostAsync("api/auth/challenge", null);
        challengeResponse.EnsureSuccessStatusCode();
        var nonce = (await challengeResponse.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("nonce")
            .GetString()!;
        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(nonce)), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain.ToArray());
        cms.ComputeSignature(signer, silent: true);
        using var tokenResponse = await http.PostAsJsonAsync(
            "api/auth/token",
            new { nonce, signature = Convert.ToBase64String(cms.Encode()) }
        );
        var body = await tokenResponse.Content.ReadAsStringAsync();
        if (!tokenResponse.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"login refused: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }
}
