using System.Text.Json;
using System.Text.Json.Nodes;
using SmartOffice.Signing;

namespace SmartOffice.Cli.Commands;

/// <summary>`smartoffice verify FILE... --trust DIR [--crl PATH]... [--expect-org N] [--json]`.</summary>
internal static class VerifyCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.Allow("--trust", "--crl", "--expect-org", "--json", "--revocation");
        if (arguments.Positional.Count == 0)
        {
            throw new UsageException("verify needs at least one FILE");
        }

        var trust = arguments.Required("--trust");
        if (!Directory.Exists(trust))
        {
            throw new UsageException($"trust folder {trust} does not exist");
        }

        foreach (var crl in arguments.Values("--crl").Where(c => !File.Exists(c) && !Directory.Exists(c)))
        {
            throw new UsageException($"CRL path {crl} does not exist");
        }

        var policy = arguments.Value("--revocation") switch
        {
            null or "require" => RevocationPolicy.Require,
            "best-effort" => RevocationPolicy.BestEffort,
            var other => throw new UsageException($"--revocation must be require or best-effort, not {other}"),
        };
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions
            {
                TrustDir = trust,
                CrlPaths = [.. arguments.Values("--crl")],
                RevocationPolicy = policy,
            }
        );
        var request = new ValidationRequest { ExpectedRegistryNumber = arguments.Value("--expect-org") };
        var asJson = arguments.Has("--json");
        var (anyRefused, anyUnreadable) = (false, false);
        foreach (var file in arguments.Positional)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"smartoffice: cannot read {file}: {exception.Message}");
                anyUnreadable = true;
                continue;
            }

            var report = validator.Validate(bytes, request);
            anyRefused |= !report.Accepted;
            await stdout.WriteLineAsync(asJson ? ToJsonLine(file, report) : ToText(file, report));
        }

        return anyUnreadable ? CliApp.UsageError
            : anyRefused ? CliApp.Refused
            : CliApp.Ok;
    }

    public static string ToJsonLine(string file, ValidationReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
        node.Insert(0, "file", JsonValue.Create(file));
        return node.ToJsonString(Json);
    }

    private static string ToText(string file, ValidationReport report)
    {
        var verdict = report.Accepted ? "ACCEPTED" : "REFUSED";
        var signer = report.Signer is { } s
            ? $"\n  signer: {s.OrganizationName ?? s.Subject} (registry number {s.RegistryNumber ?? "none"}), "
                + $"issued by {s.Issuer}"
            : "";
        return $"{file}: {verdict} {report.Code} — {report.Message}\n  {report.MessageMn}{signer}\n  sha256: "
            + $"{report.DocumentSha256}";
    }
}
