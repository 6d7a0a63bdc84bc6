using Microsoft.Extensions.Options;
using SmartOffice.Signing;
using SmartOffice.Signing.Revocation;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// Keeps CRLs current without a restart: on a schedule (Signing:CrlRefreshSeconds, default one hour) it downloads
/// each distribution URL (Signing:CrlUrls plus the admin-managed list crl-urls.txt in the CRL folder), stores the
/// CRLs that parse, and reloads the trust material (which also picks up files other instances wrote).
/// </summary>
internal sealed class CrlRefresher(
    PdfSignatureValidator validator,
    IOptions<SignatureValidationOptions> options,
    IOptions<CrlRefreshOptions> refresh,
    IHttpClientFactory http,
    ILogger<CrlRefresher> logger
) : BackgroundService
{
    public const string UrlListFile = "crl-urls.txt";

    public static IReadOnlyList<string> AdminUrls(string? crlDir) =>
        crlDir is not null && File.Exists(Path.Combine(crlDir, UrlListFile))
            ? [.. File.ReadAllLines(Path.Combine(crlDir, UrlListFile)).Select(l => l.Trim()).Where(l => l.Length > 0)]
            : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(refresh.Value.CrlRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshAsync(stoppingToken);
            await Task.Delay(period, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.CrlDir;
        var urls = refresh.Value.CrlUrls;
        foreach (var url in urls.Concat(AdminUrls(folder)).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var bytes = await DownloadAsync(url, cancellationToken);
                var outcome = folder is null ? CrlStoreOutcome.NotACrl : CrlFolder.Store(folder, bytes);
                if (outcome == CrlStoreOutcome.NotACrl)
                {
                    logger.LogWarning(
                        "CRL from {Url} is not a CRL (or no Signing:CrlDir is set); kept the previous one",
                        url
                    );
                }
                else if (outcome == CrlStoreOutcome.KeptNewer)
                {
                    logger.LogInformation("CRL from {Url} is not newer than the one held; kept it", url);
                }
            }
            catch (Exception exception)
                when (exception is HttpRequestException or IOException or TaskCanceledException or UriFormatException)
            {
                logger.LogWarning(exception, "CRL download from {Url} failed; the previous CRL stays in use", url);
            }
        }

        validator.ReloadTrust();
    }

    private async Task<byte[]> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        var uri = new Uri(url);
        if (uri.IsFile)
        {
            return await File.ReadAllBytesAsync(uri.LocalPath, cancellationToken);
        }

        using var client = http.CreateClient("crl");
        client.Timeout = TimeSpan.FromSeconds(30);
        return await client.GetByteArrayAsync(uri, cancellationToken);
    }
}
