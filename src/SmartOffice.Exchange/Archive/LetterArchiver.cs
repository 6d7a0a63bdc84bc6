using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Archive;

/// <summary>
/// Keeps a letter's records in the archive store after each committed step: every sealed evidence as its own file and
/// a manifest of SHA-256 sums (document, attachments, reports, evidences) in `sha256sum -c` format. Records are
/// write-once, so the manifest is versioned by the number of evidences (manifest-003.sha256 …); the highest one is
/// complete.
/// </summary>
public sealed class LetterArchiver(ExchangeDbContext db, IArchiveStore archive, IOptions<ArchiveOptions> options)
{
    public async Task RecordAsync(Guid letterId, CancellationToken cancellationToken)
    {
        var letter = await db
            .Letters.AsNoTracking()
            .Include(l => l.Attachments)
            .FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken)
            .ConfigureAwait(false);
        if (letter is null)
        {
            return;
        }

        var evidences = await db
            .Evidences.AsNoTracking()
            .Where(e => e.LetterId == letterId)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        await RecordAsync(letter, evidences, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a letter whose row (with its attachments) and every committed evidence the caller already loaded.
    /// Evidences are numbered in chain order, which only ever grows at its end, so a later step never renumbers an
    /// earlier step's files.
    /// </summary>
    public async Task RecordAsync(
        Letter letter,
        IReadOnlyList<EvidenceRecord> chain,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(letter);
        var evidences = EvidenceChain.Order(chain);
        var letterId = letter.Id;
        // The report is durable in the letter's row from the moment of acceptance; its archive copy is written here,
        // off the submission path.
        var report = Encoding.UTF8.GetBytes(letter.ValidationReportJson);
        var records = new List<(string Name, ReadOnlyMemory<byte> Content)> { ("report.json", report) };
        var sums = new StringBuilder();
        var documents = new List<(string Name, string Sha256)> { ("document.pdf", letter.DocumentSha256) };
        sums.Append(CultureInfo.InvariantCulture, $"{letter.DocumentSha256}  document.pdf\n");
        sums.Append(CultureInfo.InvariantCulture, $"{Sha256(report)}  report.json\n");
        foreach (var attachment in letter.Attachments.OrderBy(a => a.Number))
        {
            // Attachments go by number: the sender's file name is in the acceptance evidence and the report.
            var name = $"attachment-{attachment.Number:D2}";
            var attachmentReport = Encoding.UTF8.GetBytes(attachment.ValidationReportJson);
            documents.Add(($"{name}.pdf", attachment.DocumentSha256));
            records.Add(($"{name}-report.json", attachmentReport));
            sums.Append(CultureInfo.InvariantCulture, $"{attachment.DocumentSha256}  {name}.pdf\n");
            sums.Append(CultureInfo.InvariantCulture, $"{Sha256(attachmentReport)}  {name}-report.json\n");
        }

        for (var i = 0; i < evidences.Count; i++)
        {
            var record = evidences[i];
            var name = $"evidence-{i + 1:D3}-{record.Event}.json";
            var content = JsonSerializer.SerializeToUtf8Bytes(
                new { json = record.Json, seal = record.Seal is null ? null : Convert.ToBase64String(record.Seal) },
                ExchangeJson.Options
            );
            records.Add((name, content));
            sums.Append(CultureInfo.InvariantCulture, $"{Sha256(content)}  {name}\n");
        }

        var retention = options.Value.RetentionYears;
        records.Add(
            (
                "retention.json",
                JsonSerializer.SerializeToUtf8Bytes(
                    new { letter.SubmittedAt, retainUntil = letter.SubmittedAt.AddYears(retention) },
                    ExchangeJson.Options
                )
            )
        );
        // The manifest goes last and only once the records it lists are stored: a manifest on disk is always complete.
        await archive
            .StoreLetterStepAsync(
                letterId,
                documents,
                records,
                ($"manifest-{evidences.Count:D3}.sha256", Encoding.UTF8.GetBytes(sums.ToString())),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
