using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using SmartOffice.Signing;

namespace SmartOffice.Cli.Commands;

/// <summary>
/// `smartoffice evidence verify FILE --trust DIR [--pdf LETTER.pdf]`: checks a downloaded evidence offline — the
/// seal (detached CMS over the exact JSON), the sealing certificate's chain to DIR, and, given the letter, that its
/// SHA-256 is the one the evidence names. FILE holds one evidence or the array GET /api/letters/{id}/evidence returns.
/// </summary>
internal static class EvidenceCommand
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout)
    {
        arguments.Allow("--trust", "--pdf");
        if (arguments.Positional.Count != 2 || arguments.Positional[0] != "verify")
        {
            throw new UsageException("usage: evidence verify FILE --trust DIR [--pdf LETTER.pdf]");
        }

        var trust = arguments.Required("--trust");
        if (!File.Exists(arguments.Positional[1]) || !Directory.Exists(trust))
        {
            throw new UsageException($"{(Directory.Exists(trust) ? arguments.Positional[1] : trust)} does not exist");
        }

        string? documentSha256 = null;
        if (arguments.Value("--pdf") is { } pdf)
        {
            documentSha256 = File.Exists(pdf) ? Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdf))) : throw new UsageException($"{pdf} does not exist");
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(await File.ReadAllBytesAsync(arguments.Positional[1])).RootElement;
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{arguments.Positional[1]} is not evidence JSON: {exception.Message}");
        }

        var validator = new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = trust });
        var evidences = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
        var allValid = true;
        foreach (var evidence in evidences)
        {
            var (valid, text) = Verify(evidence, validator, documentSha256);
            allValid &= valid;
            await stdout.WriteLineAsync(text);
        }

        return allValid ? CliApp.Ok : CliApp.Refused;
    }

    private static (bool Valid, string Text) Verify(JsonElement evidence, PdfSignatureValidator validator, string? documentSha256)
    {
        var json = evidence.TryGetProperty("json", out var j) ? j.GetString() : null;
        var seal = evidence.TryGetProperty("seal", out var s) ? s.GetString() : null;
        if (json is null || seal is null)
        {
            return (false, "INVALID: the evidence has no json or no seal");
        }

        var document = JsonDocument.Parse(json).RootElement;
        var label = $"{document.GetProperty("event").GetString()} {document.GetProperty("eventTime").GetString()} (evidence {document.GetProperty("evidenceId").GetString()})";
        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(json)), detached: true);
        try
        {
            cms.Decode(Convert.FromBase64String(seal));
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return (false, $"INVALID {label}: the seal does not verify over this JSON ({exception.Message})");
        }

        var sealer = cms.SignerInfos[0].Certificate!;
        var chain = validator.Paths.Build(sealer, [.. cms.Certificates.Cast<X509Certificate2>()], validator.Trust);
        if (!chain.IsTrusted)
        {
            return (false, $"INVALID {label}: the sealing certificate is not trusted: {chain.Detail}");
        }

        if (documentSha256 is not null && document.GetProperty("documentSha256").GetString() != documentSha256)
        {
            return (false, $"INVALID {label}: it names document {document.GetProperty("documentSha256").GetString()}, not this PDF ({documentSha256})");
        }

        return (true, $"VALID {label}: sealed by {sealer.GetNameInfo(X509NameType.SimpleName, false)}, sender {document.GetProperty("sender").GetString()}, recipient {(document.TryGetProperty("recipient", out var r) ? r.GetString() : "-")}{(documentSha256 is null ? "" : ", document matches")}");
    }
}
