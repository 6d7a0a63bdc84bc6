using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Archive;

/// <summary>
/// Writes letters as a ZIP for the state archive: per letter a folder with the original PDF, its attachments and their
/// validation reports, the letter's validation report, every sealed evidence and the metadata, and at the root
/// SHA256SUMS (checkable with `sha256sum -c SHA256SUMS` after unzipping, or with `smartoffice archive verify`). A
/// package shows what its caller may read through the API:
/// the sender every recipient's steps, a recipient only its own delivery and evidences (and the acceptance).
/// </summary>
internal static class ArchivePackage
{
    public static async Task WriteAsync(
        Stream output,
        ExchangeDbContext db,
        IArchiveStore archive,
        IReadOnlyList<Letter> letters,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        var sums = new StringBuilder();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var letter in letters)
            {
                var folder = letter.Id.ToString("N");
                await using (
                    var document = archive.OpenDocument(letter.DocumentSha256)
                        ?? throw new FileNotFoundException(
                            $"document {letter.DocumentSha256} is missing from the archive"
                        )
                )
                {
                    await AddAsync(zip, sums, $"{folder}/letter.pdf", document, cancellationToken);
                }

                await AddAsync(
                    zip,
                    sums,
                    $"{folder}/report.json",
                    Encoding.UTF8.GetBytes(letter.ValidationReportJson),
                    cancellationToken
                );
                var attachments = await db
                    .LetterAttachments.AsNoTracking()
                    .Where(a => a.LetterId == letter.Id)
                    .OrderBy(a => a.Number)
                    .ToListAsync(cancellationToken);
                foreach (var attachment in attachments)
                {
                    // By number: the sender's file name is in the metadata, never a path in the package.
                    var name = $"{folder}/attachments/{attachment.Number:D2}";
                    await using (
                        var content = archive.OpenDocument(attachment.DocumentSha256)
                            ?? throw new FileNotFoundException(
                                $"document {attachment.DocumentSha256} is missing from the archive"
                            )
                    )
                    {
                        await AddAsync(zip, sums, $"{name}.pdf", content, cancellationToken);
                    }

                    await AddAsync(
                        zip,
                        sums,
                        $"{name}-report.json",
                        Encoding.UTF8.GetBytes(attachment.ValidationReportJson),
                        cancellationToken
                    );
                }

                var isSender = LetterAccess.IsSender(letter, caller);
                var evidences = EvidenceChain
                    .Order(
                        await db
                            .Evidences.AsNoTracking()
                            .Where(e => e.LetterId == letter.Id)
                            .ToListAsync(cancellationToken)
                    )
                    .Where(e =>
                        isSender
                        || e.RecipientRegistryNumber == caller.RegistryNumber
                        || e.Event == EvidenceEvents.SubmissionAcceptance
                    )
                    .ToList();
                for (var i = 0; i < evidences.Count; i++)
                {
                    var evidence = evidences[i];
                    var sealedEvidence = JsonSerializer.SerializeToUtf8Bytes(
                        new
                        {
                            json = evidence.Json,
                            seal = evidence.Seal is null ? null : Convert.ToBase64String(evidence.Seal),
                        },
                        SmartOffice.Exchange.ExchangeJson.Options
                    );
                    await AddAsync(
                        zip,
                        sums,
                        $"{folder}/evidence/{i + 1:D2}-{evidence.Event}.json",
                        sealedEvidence,
                        cancellationToken
                    );
                }

                var metadata = new
                {
                    letter.Id,
                    letter.Subject,
                    letter.Reference,
                    Sender = letter.SenderRegistryNumber,
                    letter.SubmittedAt,
                    letter.DocumentSha256,
                    letter.DocumentSize,
                    Attachments = attachments.Select(LetterAccess.ToItem),
                    Recipients = letter
                        .Deliveries.Where(d => isSender || d.RecipientOrganizationId == caller.OrganizationId)
                        .Select(d => new
                        {
                            d.RecipientRegistryNumber,
                            State = d.State.ToString(),
                            d.IncomingNumber,
                            d.DeliveredAt,
                            d.RegisteredAt,
                            d.AnsweredAt,
                            ForwardedTo = d.ForwardedToRegistryNumber,
                            ForwardedBy = d.ForwardedByRegistryNumber,
                            d.ForwardReason,
                        }),
                };
                await AddAsync(
                    zip,
                    sums,
                    $"{folder}/metadata.json",
                    JsonSerializer.SerializeToUtf8Bytes(metadata, SmartOffice.Exchange.ExchangeJson.Options),
                    cancellationToken
                );
            }

            await AddAsync(zip, null, "SHA256SUMS", Encoding.UTF8.GetBytes(sums.ToString()), cancellationToken);
            await AddAsync(
                zip,
                null,
                "README.txt",
                Encoding.UTF8.GetBytes(
                    "SmartOffice archive package. Check it with: unzip PACKAGE.zip && sha256sum -c SHA256SUMS\n"
                        + "Evidence files hold the exact JSON and its detached CMS seal: smartoffice evidence "
                        + "verify FILE --trust DIR --pdf letter.pdf\n"
                ),
                cancellationToken
            );
        }
    }

    private static async Task AddAsync(
        ZipArchive zip,
        StringBuilder? sums,
        string path,
        Stream content,
        CancellationToken cancellationToken
    )
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        await AddAsync(zip, sums, path, buffer.ToArray(), cancellationToken);
    }

    private static async Task AddAsync(
        ZipArchive zip,
        StringBuilder? sums,
        string path,
        byte[] content,
        CancellationToken cancellationToken
    )
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using (var stream = entry.Open())
        {
            await stream.WriteAsync(content, cancellationToken);
        }

        sums?.Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append("  ").Append(path).Append('\n');
    }
}
