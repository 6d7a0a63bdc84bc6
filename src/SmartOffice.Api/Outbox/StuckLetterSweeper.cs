using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Outbox;

/// <summary>
/// Heals what a long outage left behind, at start and then every few minutes: letters whose deliveries are still
/// Queued long after acceptance (Delivery:RepublishAfterMinutes, 10) are published again through the outbox (delivery
/// is idempotent per letter and recipient, so a second message changes nothing), and temporary archive files older
/// than an hour (a writer that crashed mid-file) are removed.
/// </summary>
internal sealed class StuckLetterSweeper(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<DeliveryOptions> delivery,
    IOptions<ArchiveOptions> archive,
    OutboxSignal signal,
    ILogger<StuckLetterSweeper> logger
) : BackgroundService
{
    private const int MaxPerSweep = 500;
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public sealed record Swept(int Republished, int TemporaryFiles);

    public async Task<Swept> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = time.GetUtcNow();
        var before = now.AddMinutes(-delivery.Value.RepublishAfterMinutes);
        var stuck = await db
            .Letters.AsNoTracking()
            .Where(l => l.SubmittedAt < before && l.Deliveries.Any(d => d.State == DeliveryState.Queued))
            .OrderBy(l => l.SubmittedAt)
            .Take(MaxPerSweep)
            .Select(l => new
            {
                l.Id,
                l.SenderRegistryNumber,
                l.DocumentSha256,
                l.SubmittedAt,
                Recipients = l.Deliveries.Select(d => d.RecipientRegistryNumber).ToList(),
            })
            .ToListAsync(cancellationToken);
        foreach (var letter in stuck)
        {
            var message = new LetterSubmitted
            {
                LetterId = letter.Id,
                SenderRegistryNumber = letter.SenderRegistryNumber,
                RecipientRegistryNumbers = letter.Recipients,
                DocumentSha256 = letter.DocumentSha256,
                SubmittedAt = letter.SubmittedAt,
            };
            db.OutboxMessages.Add(OutboxMessage.For(message, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (stuck.Count > 0)
        {
            signal.Notify();
            logger.LogWarning(
                "{Count} letter(s) were still Queued {Minutes} minutes after acceptance and were published again",
                stuck.Count,
                (now - before).TotalMinutes
            );
        }

        return new Swept(stuck.Count, RemoveOldTemporaryFiles(now));
    }

    private int RemoveOldTemporaryFiles(DateTimeOffset now)
    {
        var folder = Path.Combine(archive.Value.Path, "tmp");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (
            var file in new DirectoryInfo(folder)
                .EnumerateFiles()
                .Where(f => f.Name != ".sync" && f.LastWriteTimeUtc < now.UtcDateTime.AddHours(-1))
        )
        {
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // Still in use or gone already: the next sweep looks again.
            }
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The stuck-letter sweep failed; it runs again in {Every}", Every);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
