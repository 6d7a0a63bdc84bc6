using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// Gathers a receipt's facts for one letter and one recipient from the records: the letter, the recipient's delivery,
/// the directory's names and the sealed evidences about that recipient (with the submission's). It does not decide who
/// may have the receipt; its callers do.
/// </summary>
public sealed class DeliveryReceiptReader(ExchangeDbContext db)
{
    // The evidence details a receipt repeats; the executor stays out (an agency's internal business).
    private static readonly string[] s_shownDetails =
    [
        "incomingNumber",
        "dueDate",
        "replyLetterId",
        "reason",
        "from",
        "to",
    ];

    /// <summary>The facts as of <paramref name="issuedAt"/>; null when the letter has no such recipient.</summary>
    public async Task<DeliveryReceipt?> ReadAsync(
        Guid letterId,
        string recipientRegistryNumber,
        string issuer,
        DateTimeOffset issuedAt,
        CancellationToken cancellationToken
    )
    {
        var letter = await db
            .Letters.AsNoTracking()
            .Include(l => l.Deliveries)
            .Include(l => l.Attachments)
            .FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        var delivery = letter?.Deliveries.FirstOrDefault(d => d.RecipientRegistryNumber == recipientRegistryNumber);
        if (letter is null || delivery is null)
        {
            return null;
        }

        string[] numbers = [letter.SenderRegistryNumber, recipientRegistryNumber];
        var names = await db
            .Organizations.AsNoTracking()
            .Where(o => numbers.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        var evidences = await db
            .Evidences.AsNoTracking()
            .Where(e => e.LetterId == letterId)
            .ToListAsync(cancellationToken);
        var steps = EvidenceChain
            .Order(evidences)
            .Where(e =>
                e.Event == EvidenceEvents.SubmissionAcceptance || e.RecipientRegistryNumber == recipientRegistryNumber
            )
            .Select(ToStep)
            .ToList();
        return new DeliveryReceipt
        {
            IssuedAt = issuedAt,
            Issuer = issuer,
            LetterId = letter.Id,
            Subject = letter.Subject,
            Reference = letter.Reference,
            SubmittedAt = letter.SubmittedAt,
            SignedBy = letter.SignerSubject,
            Sender = new ReceiptParty(
                letter.SenderRegistryNumber,
                names.GetValueOrDefault(letter.SenderRegistryNumber)
            ),
            Recipient = new ReceiptParty(recipientRegistryNumber, names.GetValueOrDefault(recipientRegistryNumber)),
            State = delivery.State.ToString(),
            IncomingNumber = delivery.IncomingNumber,
            Documents =
            [
                new ReceiptDocument(
                    ReceiptDocumentRoles.Letter,
                    letter.DocumentSha256,
                    string.IsNullOrEmpty(letter.SignedContentSha256) ? null : letter.SignedContentSha256,
                    letter.DocumentSize
                ),
                .. letter
                    .Attachments.OrderBy(a => a.Number)
                    .Select(a => new ReceiptDocument(
                        ReceiptDocumentRoles.Attachment,
                        a.DocumentSha256,
                        a.SignedContentSha256,
                        a.DocumentSize,
                        $"{a.Number}. {a.FileName}"
                    )),
            ],
            Steps = steps,
        };
    }

    private static ReceiptStep ToStep(EvidenceRecord record)
    {
        var sealed_ = JsonSerializer.Deserialize<EvidenceDocument>(record.Json, ExchangeJson.Options);
        var details = sealed_?.Details ?? new Dictionary<string, string>();
        return new ReceiptStep(
            record.Id,
            record.Event,
            record.EventTime,
            s_shownDetails
                .Where(details.ContainsKey)
                .ToDictionary(key => key, key => details[key], StringComparer.Ordinal),
            sealed_?.Reasons ?? []
        );
    }
}
