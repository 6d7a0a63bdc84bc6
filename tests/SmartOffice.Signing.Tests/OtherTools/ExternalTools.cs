using System.Diagnostics;

namespace SmartOffice.Signing.Tests.OtherTools;

/// <summary>
/// The programs the other signers need (poppler's pdfsig, NSS's certutil and pk12util, node, openssl) and the
/// npm packages of tests/tools/signpdf. test.sh installs all of them; on a developer machine without them the
/// tests are inconclusive rather than red, but under test.sh (SMARTOFFICE_TEST_BROWSER=1) a missing tool fails.
/// </summary>
internal static class ExternalTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// tests/tools/signpdf in this checkout (found from the test binaries upwards, next to SmartOffice.sln).
    /// </summary>
    public static string SignPdfFolder { get; } = Path.Combine(RepositoryRoot(), "tests", "tools", "signpdf");

    public static void Require(params string[] programs)
    {
        var missing = programs.Where(p => Locate(p) is null).ToArray();
        if (missing.Length > 0)
        {
            Missing(
                $"{string.Join(", ", missing)} not found on PATH: run ./test.sh, which installs poppler-utils, "
                    + $"libnss3-tools, openssl, nodejs and npm"
            );
        }
    }

    public static void RequireSignPdfPackages()
    {
        if (!File.Exists(Path.Combine(SignPdfFolder, "node_modules", "@signpdf", "signpdf", "package.json")))
        {
            Missing(
                $"the npm packages of {SignPdfFolder} are not installed: run npm ci --prefix tests/tools/signpdf "
                    + $"(test.sh does)"
            );
        }
    }

    /// <summary>
    /// Runs <paramref name="program"/> and returns its standard output; a non-zero exit fails the test with its
    /// standard error.
    /// </summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
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
        // Both pipes are drained at once: reading one to the end first can deadlock when the other fills up.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        Assert.AreEqual(
            0,
            process.ExitCode,
            $"{program} {string.Join(' ', arguments)}\n{error.Result}\n{output.Result}"
        );
        return output.Result;
    }

    private static void Missing(string message)
    {
        if (Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_BROWSER") == "1")
        {
            Assert.Fail(message);
        }

        Assert.Inconclusive(message);
    }

    private static string? Locate(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SmartOffice.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"SmartOffice.sln not found above {AppContext.BaseDirectory}");
    }
}
