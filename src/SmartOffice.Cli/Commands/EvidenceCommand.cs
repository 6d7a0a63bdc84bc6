using System.Security.Cryptography;
using SmartOffice.Signing;
using SmartOffice.Signing.Evidence;

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
            documentSha256 = File.Exists(pdf)
                ? Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdf)))
                : throw new UsageException($"{pdf} does not exist");
        }

        var verifier = new EvidenceSealVerifier(
            new PdfSignatureValidator(new SignatureValidationOptions { TrustDir = trust })
        );
        var allValid = true;
        foreach (
            var check in verifier.VerifyFile(await File.ReadAllBytesAsync(arguments.Positional[1]), documentSha256)
        )
        {
            allValid &= check.IsValid;
            await stdout.WriteLineAsync(Describe(check));
        }

        return allValid ? CliApp.Ok : CliApp.Refused;
    }

    private static string Describe(EvidenceCheck check)
    {
        if (check.Code == EvidenceCheckCodes.Malformed)
        {
            return $"INVALID: {check.Detail}";
        }

        var label = $"{check.Event} {check.EventTimeText} (evidence {check.EvidenceId})";
        return check.IsValid
            ? $"VALID {label}: sealed by {check.SealedBy}, sender {check.Sender}, recipient "
                + $"{check.Recipient ?? "-"}{(check.DocumentMatches == true ? ", document matches" : "")}"
                + $"{(check.AttachmentNumber is { } number ? $" (as attachment {number})" : "")}"
            : $"INVALID {label}: {check.Detail}";
    }
}
