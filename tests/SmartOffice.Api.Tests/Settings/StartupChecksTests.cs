using System.Diagnostics;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests.Settings;

/// <summary>
/// A misconfigured Api process stops at start with one line that names the key and what to set (exit code 78),
/// instead of starting, reporting live and failing every letter; and the demo never starts by accident outside
/// development.
/// </summary>
[TestClass]
public sealed class StartupChecksTests
{
    [TestMethod]
    public async Task An_api_with_its_own_trust_folder_but_no_seal_stops_at_start_naming_the_seal_setting()
    {
        var (exitCode, error) = await RunApiAsync(
            new() { ["Signing__TrustDir"] = Path.Combine(TestPki.Folder, "trust") }
        );

        Assert.AreEqual(78, exitCode, error);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, error);
        StringAssert.Contains(error, "Seal:CertificatePath is not set");
    }

    [TestMethod]
    public async Task A_seal_with_the_wrong_password_and_a_missing_trust_folder_are_both_named()
    {
        var (exitCode, error) = await RunApiAsync(
            new()
            {
                ["Signing__TrustDir"] = "/nonexistent/trust",
                ["Seal__CertificatePath"] = Path.Combine(TestPki.Folder, "p12", "seal.p12"),
                ["Seal__Password"] = "not-the-password",
            }
        );

        Assert.AreEqual(78, exitCode, error);
        StringAssert.Contains(error, "Signing:TrustDir '/nonexistent/trust' does not exist");
        StringAssert.Contains(error, "check Seal:Password");
    }

    [TestMethod]
    public async Task The_demo_pki_and_users_are_refused_unless_enabled()
    {
        var (exitCode, error) = await RunApiAsync([]);

        Assert.AreEqual(78, exitCode, error);
        StringAssert.Contains(error, "Signing:TrustDir is not set");
        StringAssert.Contains(error, "Demo:Enabled");
    }

    /// <summary>The Api as an operator starts it, in Production, with only <paramref name="settings"/>.</summary>
    private static async Task<(int ExitCode, string Error)> RunApiAsync(Dictionary<string, string> settings)
    {
        var data = Directory.CreateTempSubdirectory("smartoffice-start-").FullName;
        var info = new ProcessStartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "SmartOffice.Api.dll"), "--urls", "http://127.0.0.1:0"]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Data__Path"] = data;
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, error);
    }
}
