using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Gives letters stored before they had search keys their keys: subject, reference and the text of the PDF read from
/// the archive, newest letters first, in small batches so it never competes with the work of the day. A letter whose
/// keys were built holds at least one space, so each letter is read once; safe with several Api instances (two that
/// build the same letter's keys write the same value).
/// </summary>
internal sealed class SearchTextBackfill(IServiceScopeFactory scopes, ILogger<SearchTextBackfill> logger)
    : BackgroundService
{
    public const int BatchSize = 50;

    /// <summary>Builds the keys of one batch; returns how many letters it gave keys.</summary>
    public async Task<int> FillBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var archive = scope.ServiceProvider.GetRequiredService<IArchiveStore>();
        var letters = await db
            .Letters.Where(l => l.SearchText == "")
            .OrderByDescending(l => l.SubmittedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var letter in letters)
        {
            var text = "";
            if (archive.OpenDocument(letter.DocumentSha256) is { } stream)
            {
                await using (stream)
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, cancellationToken);
                    text = PdfText.Extract(copy.GetBuffer().AsMemory(0, (int)copy.Length));
                }
            }

            letter.SearchText = LetterSearchText.Build(letter.Subject, letter.Reference, text);
        }

        await db.SaveChangesAsync(cancellationToken);
        return letters.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var total = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested && await FillBatchAsync(stoppingToken) is > 0 and var done)
            {
                total += done;
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The next start goes on where this one stopped.
            logger.LogWarning(exception, "Building search keys of older letters stopped after {Count}", total);
            return;
        }

        if (total > 0)
        {
            logger.LogInformation("Built the search keys of {Count} older letters", total);
        }
    }
}
