using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartOffice.Signing.Tests.Differential;

/// <summary>What poppler and qpdf make of one file. A null means that reader could not open it.</summary>
internal sealed record ReaderView(
    int? PopplerSignatures,
    bool? PopplerJavaScript,
    bool? PopplerEncrypted,
    bool? QpdfEncrypted,
    IReadOnlySet<int>? QpdfObjects,
    string Transcript
);

/// <summary>
/// Runs poppler (pdfinfo, pdfsig) and qpdf on a file. Their versions differ between machines, so the test
/// only asks questions whose answers are stable: is there JavaScript, how many signed signature fields,
/// is the file encrypted, which objects does the newest cross-reference reach.
/// </summary>
internal static partial class ExternalReaders
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The tools not found on PATH.</summary>
    public static IReadOnlyList<string> Missing() =>
        [
            .. new[] { "pdfinfo", "pdfsig", "qpdf" }.Where(tool =>
                !(Environment.GetEnvironmentVariable("PATH") ?? "")
                    .Split(Path.PathSeparator)
                    .Any(folder => File.Exists(Path.Combine(folder, tool)))
            ),
        ];

    public static async Task<ReaderView> ReadAsync(string path, CancellationToken cancellation)
    {
        var info = RunAsync("pdfinfo", [path], cancellation);
        var scripts = RunAsync("pdfinfo", ["-js", path], cancellation);
        var signatures = RunAsync("pdfsig", ["-nocert", path], cancellation);
        var qpdf = RunAsync("qpdf", ["--json", "--json-key=encrypt", "--json-key=qpdf", path], cancellation);
        var (infoCode, infoOut, infoErr) = await info;
        var (jsCode, jsOut, jsErr) = await scripts;
        var (sigCode, sigOut, sigErr) = await signatures;
        var (qpdfCode, qpdfOut, qpdfErr) = await qpdf;

        // pdfinfo prints "Encrypted:" only when it opened the file; with -js it prints only each script after its
        // trigger.
        var opened = infoCode == 0 && EncryptedLine().IsMatch(infoOut);
        bool? encrypted = opened ? EncryptedYes().IsMatch(infoOut) : null;
        bool? javaScript = jsCode == 0 ? jsOut.Contains("differential", StringComparison.Ordinal) : null;

        // pdfsig lists every signature field, the unsigned ones with "is not signed"; exit code 2 is "no signatures".
        int? signed =
            sigOut.Contains("Digital Signature Info", StringComparison.Ordinal)
                ? SignatureHeading().Count(sigOut) - NotSigned().Count(sigOut)
            : sigErr.Contains("does not contain any signatures", StringComparison.Ordinal)
            || sigOut.Contains("does not contain any signatures", StringComparison.Ordinal)
                ? 0
            : null;

        var (qpdfEncrypted, objects) = ParseQpdf(qpdfCode, qpdfOut);
        var transcript =
            $"pdfinfo (exit {infoCode}):\n{infoOut}{infoErr}\npdfinfo -js (exit {jsCode}):\n{jsOut}{jsErr}\npdfsig "
            + $"(exit {sigCode}):\n{sigOut}{sigErr}\nqpdf (exit {qpdfCode}): {Truncate(qpdfErr)}";
        return new ReaderView(signed, javaScript, encrypted, qpdfEncrypted, objects, transcript);
    }

    // qpdf exits 0, or 3 with warnings, when it wrote the JSON; 2 when it could not read the file.
    private static (bool?, IReadOnlySet<int>?) ParseQpdf(int code, string output)
    {
        if (code is not (0 or 3) || output.Length == 0)
        {
            return (null, null);
        }

        using var json = JsonDocument.Parse(output);
        var encrypted = json.RootElement.GetProperty("encrypt").GetProperty("encrypted").GetBoolean();
        var objects = new HashSet<int>();
        foreach (var property in json.RootElement.GetProperty("qpdf")[1].EnumerateObject())
        {
            if (ObjectKey().Match(property.Name) is { Success: true } match)
            {
                objects.Add(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return (encrypted, objects);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(
        string tool,
        string[] arguments,
        CancellationToken cancellation
    )
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"{tool} did not finish within {Timeout.TotalSeconds} s");
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    [GeneratedRegex(@"^Encrypted:", RegexOptions.Multiline)]
    private static partial Regex EncryptedLine();

    [GeneratedRegex(@"^Encrypted:\s+yes", RegexOptions.Multiline)]
    private static partial Regex EncryptedYes();

    [GeneratedRegex(@"^Signature #\d+:", RegexOptions.Multiline)]
    private static partial Regex SignatureHeading();

    [GeneratedRegex(@"is not signed")]
    private static partial Regex NotSigned();

    [GeneratedRegex(@"^obj:(\d+) \d+ R$")]
    private static partial Regex ObjectKey();
}
