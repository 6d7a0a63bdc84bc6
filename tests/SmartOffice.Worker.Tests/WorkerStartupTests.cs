using System.Diagnostics;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Worker.Tests;

/// <summary>
/// A misconfigured Worker process stops at start with one line that names each key and what to set (exit code 78),
/// instead of starting and dead-lettering every letter it takes.
/// </summary>
[TestClass]
public sealed class WorkerStartupTests
{
    [TestMethod]
    public async Task A_worker_without_a_seal_stops_at_start_naming_the_seal_setting()
    {
        var (exitCode, error) = await RunWorkerAsync(settings => settings.Remove("Seal__CertificatePath"));

        Assert.AreEqual(78, exitCode, error);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, error);
        StringAssert.Contains(error, "Seal:CertificatePath is not set");
    }

    [TestMethod]
    public async Task A_wrong_seal_password_and_a_guessable_admin_key_are_both_named_in_one_line()
    {
        var (exitCode, error) = await RunWorkerAsync(settings =>
        {
            settings["Seal__Password"] = "not-the-password";
            settings["Worker__AdminKey"] = "admin";
        });

        Assert.AreEqual(78, exitCode, error);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, error);
        StringAssert.Contains(error, "check Seal:Password");
        StringAssert.Contains(error, "Worker:AdminKey has 5 characters");
    }

    [TestMethod]
    public async Task An_unknown_database_provider_is_named()
    {
        var (exitCode, error) = await RunWorkerAsync(settings => settings["Database__Provider"] = "Oracle");

        Assert.AreEqual(78, exitCode, error);
        StringAssert.Contains(error, "Database:Provider");
    }

    /// <summary>
    /// The Worker as an operator starts it, in Production, with good settings changed by <paramref name="change"/>.
    /// </summary>
    private static async Task<(int ExitCode, string Error)> RunWorkerAsync(Action<Dictionary<string, string>> change)
    {
        var folder = Directory.CreateTempSubdirectory("smartoffice-worker-start-").FullName;
        DemoPki.Create().WriteTo(Path.Combine(folder, "pki"));
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Messaging__Transport"] = "InMemory",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__SmartOffice"] = $"Data Source={folder}/worker.db",
            ["Seal__CertificatePath"] = Path.Combine(folder, "pki", "p12", "seal.p12"),
            ["Seal__Password"] = "demo",
            ["Archive__Path"] = Path.Combine(folder, "archive"),
        };
        change(settings);
        var info = new ProcessStartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "SmartOffice.Worker.dll"), "--urls", "http://127.0.0.1:0"]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        return (process.ExitCode, error);
    }
}
