using System.Diagnostics;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>The Worker as a real operating-system process (so it can be killed mid-consume, like a crash).</summary>
internal sealed class WorkerOsProcess : IDisposable
{
    private readonly Process _process;

    private WorkerOsProcess(Process process) => _process = process;

    public static WorkerOsProcess Start(ApiFactory api, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SmartOffice.Worker.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in Broker.Settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["Database__Provider"] = api.Provider;
        info.Environment["ConnectionStrings__SmartOffice"] = api.ConnectionString;
        info.Environment["Seal__CertificatePath"] = Path.Combine(TestPki.Folder, "p12", "seal.p12");
        info.Environment["Seal__Password"] = "demo";
        info.Environment["Archive__Path"] = Path.Combine(api.DataPath, "archive");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
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
