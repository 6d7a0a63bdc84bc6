using System.Diagnostics;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>The Worker as a real operating-system process (so it can be killed mid-consume, like a crash).</summary>
internal sealed class WorkerOsProcess : IDisposable
{
    private readonly Process _process;

    private WorkerOsProcess(Process process) => _process = process;

    /// <summary>A Worker on the test broker and the database and archive of <paramref name="api"/>.</summary>
    public static WorkerOsProcess Start(ApiFactory api, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string?>(Broker.Settings) { ["Database:Provider"] = api.Provider };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return Start(api.ConnectionString, Path.Combine(api.DataPath, "archive"), all);
    }

    /// <summary>
    /// A Worker on PostgreSQL <paramref name="connectionString"/>; <paramref name="settings"/> name the broker.
    /// </summary>
    public static WorkerOsProcess Start(
        string connectionString,
        string archivePath,
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var info = new ProcessStartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "SmartOffice.Worker.dll"), "--urls", "http://127.0.0.1:0"]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["Database__Provider"] = "Postgres";
        info.Environment["ConnectionStrings__SmartOffice"] = connectionString;
        info.Environment["Seal__CertificatePath"] = Path.Combine(TestPki.Folder, "p12", "seal.p12");
        info.Environment["Seal__Password"] = "demo";
        info.Environment["Archive__Path"] = archivePath;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerOsProcess(process);
    }

    /// <summary>SIGKILL: no graceful shutdown, messages in flight are not acknowledged.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
