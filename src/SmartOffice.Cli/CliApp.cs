using SmartOffice.Cli.Commands;

namespace SmartOffice.Cli;

/// <summary>
/// The `smartoffice` command: dispatches to a command and maps outcomes to exit codes (0 ok, 1 refused, 2 usage or
/// I/O).
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var arguments = Arguments.Parse(args);
            return arguments.Command switch
            {
                "verify" => await VerifyCommand.RunAsync(arguments, stdout, stderr),
                "sign" => SignCommand.Run(arguments, stdout, stderr),
                "pki" when arguments.Positional.FirstOrDefault() == "init" => PkiCommand.Run(arguments, stdout),
                "sample-letter" => SampleLetterCommand.Run(arguments, stdout),
                "send" => await SendCommand.RunAsync(arguments, stdout),
                "evidence" => await EvidenceCommand.RunAsync(arguments, stdout),
                "archive" => await ArchiveCommand.RunAsync(arguments, stdout),
                null or "help" or "--help" or "-h" => Help(stdout),
                _ => throw new UsageException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (UsageException exception)
        {
            await stderr.WriteLineAsync($"smartoffice: {exception.Message}\nRun 'smartoffice help' for usage.");
            return UsageError;
        }
        catch (Exception exception)
            when (exception
                    is IOException
                        or UnauthorizedAccessException
                        or System.Security.Cryptography.CryptographicException
                        or HttpRequestException
            )
        {
            await stderr.WriteLineAsync($"smartoffice: {exception.Message}");
            return UsageError;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(
            """
            smartoffice — signed official letters (албан бичиг)

              smartoffice verify FILE... --trust DIR [--crl PATH]... [--expect-org REGISTRY_NUMBER] [--json]
                                        [--revocation require|best-effort]
                  Checks that each PDF carries exactly one valid signature. Exit 0 when every file is
                  accepted, 1 when any is refused, 2 on a usage or I/O error (an unreadable FILE is reported
                  on stderr, the others are still checked, and the exit code is 2).
                  --json prints one report per line (JSON Lines) with the report fields plus "file".
              smartoffice sign IN.pdf OUT.pdf --p12 FILE [--password P]
                  Adds one PAdES signature (ETSI.CAdES.detached, SHA-256). Exit 1 if the PDF is already signed.
              smartoffice pki init DIR
                  Writes a demo PKI (root, issuing CA, companies, agency, expired/revoked/untrusted, CRLs).
              smartoffice sample-letter OUT.pdf [--from company-a|company-b|agency]
                  Writes an unsigned Mongolian sample letter.
              smartoffice send FILE.pdf --to REGISTRY_NUMBER... --p12 FILE [--password P] [--api URL]
                               [--attach FILE.pdf]... [--subject TEXT] [--reference NO] [--idempotency-key KEY]
                  Logs in with the certificate and submits the signed letter to the API.
              smartoffice evidence verify FILE --trust DIR [--pdf LETTER.pdf]
                  Checks downloaded evidence offline: the seal, its chain to DIR, the document's SHA-256.
                  Exit 0 valid, 1 invalid, 2 usage or I/O error.
              smartoffice archive verify PACKAGE.zip
                  Checks an archive export against its SHA256SUMS (same as unzip + sha256sum -c).
            """
        );
        return Ok;
    }
}
