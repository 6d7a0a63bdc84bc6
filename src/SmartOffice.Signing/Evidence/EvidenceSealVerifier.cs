using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SmartOffice.Signing.Evidence;

/// <summary>
/// Checks downloaded evidences offline: the seal (a detached CMS over the exact UTF-8 JSON), the sealing certificate's
/// chain to the validator's trust anchors, optionally that the sealer is one given certificate, and, given the letter,
/// that its SHA-256 is the one the evidence names. Used by the `smartoffice evidence verify` command and the public
/// verification page, so both give the same answer.
/// </summary>
public sealed class EvidenceSealVerifier
{
    private readonly PdfSignatureValidator _validator;
    private readonly IReadOnlyList<X509Certificate2>? _expectedSealers;

    /// <summary>
    /// Trusts any sealing certificate that chains to <paramref name="validator"/>'s trust anchors, unless
    /// <paramref name="expectedSealers"/> names the ones allowed (a service's current seal and its former ones).
    /// </summary>
    public EvidenceSealVerifier(
        PdfSignatureValidator validator,
        IReadOnlyList<X509Certificate2>? expectedSealers = null
    )
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
        _expectedSealers = expectedSealers;
    }

    /// <summary>
    /// Checks every evidence in a file holding one evidence object ({"json": ..., "seal": ...}) or an array of them.
    /// <paramref name="documentSha256"/> (lowercase hex), when given, must be the document every evidence names, or an
    /// attachment that a valid acceptance evidence in the same file names (the other evidences name the letter itself).
    /// </summary>
    public IReadOnlyList<EvidenceCheck> VerifyFile(ReadOnlySpan<byte> file, string? documentSha256 = null)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(file, new JsonReaderOptions { MaxDepth = 16 });
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            return [Malformed($"the file is not evidence JSON: {exception.Message}")];
        }

        List<JsonElement> evidences = root.ValueKind switch
        {
            JsonValueKind.Array => [.. root.EnumerateArray()],
            JsonValueKind.Object => [root],
            _ => [],
        };
        if (evidences.Count == 0)
        {
            return [Malformed("the file holds neither an evidence object nor an array of them")];
        }

        if (documentSha256 is not null && AttachmentOf(evidences, documentSha256) is var (letterSha256, number))
        {
            return [.. evidences.Select(e => Verify(e, letterSha256) with { AttachmentNumber = number })];
        }

        return [.. evidences.Select(e => Verify(e, documentSha256))];
    }

    /// <summary>The letter whose valid acceptance names <paramref name="documentSha256"/> as an attachment.</summary>
    private (string LetterSha256, int Number)? AttachmentOf(List<JsonElement> evidences, string documentSha256)
    {
        foreach (var evidence in evidences)
        {
            if (Text(evidence, "json") is { } json && json.Contains(documentSha256, StringComparison.OrdinalIgnoreCase))
            {
                var check = Verify(evidence);
                var index = check
                    .AttachmentSha256.ToList()
                    .FindIndex(a => string.Equals(a, documentSha256, StringComparison.OrdinalIgnoreCase));
                if (check.IsValid && index >= 0 && check.DocumentSha256 is { } letter)
                {
                    return (letter, index + 1);
                }
            }
        }

        return null;
    }

    /// <summary>Checks one evidence object with string properties "json" and "seal" (base64 CMS).</summary>
    public EvidenceCheck Verify(JsonElement evidence, string? documentSha256 = null)
    {
        var json = Text(evidence, "json");
        var seal = Text(evidence, "seal");
        return json is null || seal is null
            ? Malformed("the evidence has no json or no seal")
            : Verify(json, seal, documentSha256);
    }

    /// <summary>Checks the seal (base64 detached CMS) over the exact UTF-8 bytes of <paramref name="json"/>.</summary>
    public EvidenceCheck Verify(string json, string seal, string? documentSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(seal);
        EvidenceCheck stated;
        try
        {
            stated = ReadStatements(JsonDocument.Parse(json).RootElement);
        }
        catch (JsonException exception)
        {
            return Malformed($"the sealed json does not parse: {exception.Message}");
        }

        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(json)), detached: true);
        try
        {
            cms.Decode(Convert.FromBase64String(seal));
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (Exception exception)
            when (exception is CryptographicException or FormatException or InvalidOperationException)
        {
            return stated with
            {
                Code = EvidenceCheckCodes.SealInvalid,
                Detail = $"the seal does not verify over this JSON ({exception.Message})",
            };
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } sealer)
        {
            return stated with
            {
                Code = EvidenceCheckCodes.SealInvalid,
                Detail = "the seal must carry exactly one signer with its certificate",
            };
        }

        var sealedBy = sealer.GetNameInfo(X509NameType.SimpleName, false);
        var chain = _validator.Paths.Build(sealer, [.. cms.Certificates.Cast<X509Certificate2>()], _validator.Trust);
        if (!chain.IsTrusted)
        {
            return stated with
            {
                Code = EvidenceCheckCodes.SealerUntrusted,
                Detail = $"the sealing certificate is not trusted: {chain.Detail}",
                SealedBy = sealedBy,
            };
        }

        if (
            _expectedSealers is not null
            && !_expectedSealers.Any(expected => sealer.RawDataMemory.Span.SequenceEqual(expected.RawDataMemory.Span))
        )
        {
            var ours = string.Join(
                ", ",
                _expectedSealers.Select(c => c.GetNameInfo(X509NameType.SimpleName, false)).Distinct()
            );
            return stated with
            {
                Code = EvidenceCheckCodes.SealerUnexpected,
                Detail = $"sealed by {sealedBy}, not by this service's seal ({ours})",
                SealedBy = sealedBy,
            };
        }

        if (documentSha256 is not null)
        {
            var matches = string.Equals(stated.DocumentSha256, documentSha256, StringComparison.OrdinalIgnoreCase);
            stated = stated with { DocumentMatches = matches };
            if (!matches)
            {
                return stated with
                {
                    Code = EvidenceCheckCodes.DocumentMismatch,
                    Detail = $"it names document {stated.DocumentSha256}, not this PDF ({documentSha256})",
                    SealedBy = sealedBy,
                };
            }
        }

        return stated with
        {
            SealedBy = sealedBy,
        };
    }

    private static EvidenceCheck ReadStatements(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the sealed json is not an object");
        }

        var eventTime = Text(document, "eventTime");
        return new EvidenceCheck
        {
            Event = Text(document, "event"),
            EventTimeText = eventTime,
            EventTime = DateTimeOffset.TryParse(
                eventTime,
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind,
                out var time
            )
                ? time
                : null,
            EvidenceId = Text(document, "evidenceId"),
            Sender = Text(document, "sender"),
            Recipient = Text(document, "recipient"),
            DocumentSha256 = Text(document, "documentSha256"),
            AttachmentSha256 =
                document.TryGetProperty("attachments", out var attachments)
                && attachments.ValueKind == JsonValueKind.Array
                    ? [.. attachments.EnumerateArray().Select(a => Text(a, "sha256") ?? "")]
                    : [],
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static EvidenceCheck Malformed(string detail) =>
        new() { Code = EvidenceCheckCodes.Malformed, Detail = detail };
}
