using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Health;

/// <summary>
/// Readiness: the archive folder takes a file, and its disk has more free space than Archive:MinFreeMegabytes (default
/// 1,024): a full archive disk is unhealthy before letters start failing on it, a low one degraded.
/// </summary>
public sealed class ArchiveHealthCheck(IOptions<ArchiveOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        var folder = Path.GetFullPath(options.Value.Path);
        var floor = options.Value.MinFreeMegabytes * 1024 * 1024;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ready-{Guid.NewGuid():N}");
            await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            var free = new DriveInfo(folder).AvailableFreeSpace;
            return free >= floor
                ? HealthCheckResult.Healthy($"archive writable, {free / (1024 * 1024)} MiB free")
                : HealthCheckResult.Degraded(
                    $"the archive disk has {free / (1024 * 1024)} MiB free, below Archive:MinFreeMegabytes"
                );
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the archive folder cannot be written: {exception.Message}");
        }
    }
}
