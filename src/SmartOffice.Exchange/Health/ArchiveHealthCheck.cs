using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartOffice.Exchange.Health;

/// <summary>
/// Readiness: the archive folder takes a file, and its disk has more free space than Archive:MinFreeMegabytes (default
/// 1,024): a full archive disk is unhealthy before letters start failing on it, a low one degraded.
/// </summary>
public sealed class ArchiveHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(configuration["Archive:Path"] ?? Path.Combine("data", "archive"));
        var floor = configuration.GetValue("Archive:MinFreeMegabytes", 1024L) * 1024 * 1024;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ready-{Guid.NewGuid():N}");
            await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            var free = new DriveInfo(folder).AvailableFreeSpace;
            return free >= floor
                ? HealthCheckResult.Healthy($"archive writable, {free / (1024 * 1024)} MiB free")
                : HealthCheckResult.Degraded($"the archive disk has {free / (1024 * 1024)} MiB free, below Archive:MinFreeMegabytes");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the archive folder cannot be written: {exception.Message}");
        }
    }
}
