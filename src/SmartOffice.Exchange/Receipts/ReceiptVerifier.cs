using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// Checks a receipt PDF as /verify does: the PAdES signature with the validator (trust, revocation, nothing changed
/// after signing), the signer being one of this service's seals (current or former), then its facts against the
/// records: the letter exists, sender, recipient and document agree, and every step it lists is recorded with the same
/// event and time.
/// </summary>
public sealed class ReceiptVerifier(ExchangeDbContext db, PdfSignatureValidator validator, EvidenceSealer sealer)
{
    public async Task<ReceiptVerification> VerifyAsync(
        ReadOnlyMemory<byte> pdf,
        long? maxFileBytes,
        CancellationToken cancellationToken
    )
    {
        var report = validator.Validate(
            pdf,
            new ValidationRequest { AcceptServiceSeal = true, MaxFileBytes = maxFileBytes }
        );
        var seal = OwnSeal(report.Signer?.Thumbprint);
        var sealedBy = seal?.GetNameInfo(X509NameType.SimpleName, false)
            ?? report.Signer?.OrganizationName
            ?? report.Signer?.Subject;
        if (!report.Accepted)
        {
            return new ReceiptVerification
            {
                Report = report,
                Code = report.Code,
                SealedBy = sealedBy,
            };
        }

        if (seal is null)
        {
            return new ReceiptVerification
            {
                Report = report,
                Code = ReceiptCheckCodes.SealerUnexpected,
                SealedBy = sealedBy,
            };
        }

        // Safe to read now: the signature covers the whole file, so these bytes are the ones we sealed.
        if (ReceiptFacts.Read(pdf) is not { } facts)
        {
            return new ReceiptVerification
            {
                Report = report,
                Code = ReceiptCheckCodes.FactsMalformed,
                SealedBy = sealedBy,
            };
        }

        return new ReceiptVerification
        {
            Report = report,
            Code = ReceiptCheckCodes.Ok,
            SealedBy = sealedBy,
            Facts = facts,
            Records = await CompareAsync(facts, cancellationToken),
        };
    }

    // The current seal or a former one: receipts issued before a rollover stay ours.
    private X509Certificate2? OwnSeal(string? thumbprint) =>
        thumbprint is null
            ? null
            : sealer.OwnCertificates.FirstOrDefault(c =>
                string.Equals(
                    c.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
                    thumbprint,
                    StringComparison.OrdinalIgnoreCase
                )
            );

    private async Task<ReceiptRecordCheck> CompareAsync(DeliveryReceipt facts, CancellationToken cancellationToken)
    {
        var letter = await db
            .Letters.AsNoTracking()
            .Include(l => l.Deliveries)
            .Include(l => l.Attachments)
            .FirstOrDefaultAsync(l => l.Id == facts.LetterId, cancellationToken);
        if (letter is null)
        {
            return new ReceiptRecordCheck([ReceiptCheckCodes.LetterMissing], 0);
        }

        var differences = new List<string>();
        var delivery = letter.Deliveries.FirstOrDefault(d =>
            d.RecipientRegistryNumber == facts.Recipient.RegistryNumber
        );
        if (letter.SenderRegistryNumber != facts.Sender.RegistryNumber || delivery is null)
        {
            differences.Add(ReceiptCheckCodes.PartiesDiffer);
        }

        if (
            !facts.Documents.Any(d =>
                d.Role == ReceiptDocumentRoles.Letter
                && string.Equals(d.Sha256, letter.DocumentSha256, StringComparison.OrdinalIgnoreCase)
            )
            // Every attachment the letter has, and no other, by its hash.
            || !facts
                .Documents.Where(d => d.Role == ReceiptDocumentRoles.Attachment)
                .Select(d => d.Sha256.ToLowerInvariant())
                .Order(StringComparer.Ordinal)
                .SequenceEqual(letter.Attachments.Select(a => a.DocumentSha256).Order(StringComparer.Ordinal))
        )
        {
            differences.Add(ReceiptCheckCodes.DocumentDiffers);
        }

        if (facts.IncomingNumber is not null && delivery?.IncomingNumber != facts.IncomingNumber)
        {
            differences.Add(ReceiptCheckCodes.IncomingNumberDiffers);
        }

        var recorded = await db
            .Evidences.AsNoTracking()
            .Where(e => e.LetterId == facts.LetterId)
            .Select(e => new
            {
                e.Id,
                e.Event,
                e.EventTime,
                e.RecipientRegistryNumber,
            })
            .ToListAsync(cancellationToken);
        var byId = recorded.ToDictionary(e => e.Id);
        if (
            facts.Steps.Any(step =>
                !byId.TryGetValue(step.EvidenceId, out var record)
                || record.Event != step.Event
                || record.EventTime.UtcTicks / 10 != step.Time.UtcTicks / 10
            )
        )
        {
            differences.Add(ReceiptCheckCodes.StepDiffers);
        }

        var listed = facts.Steps.Select(s => s.EvidenceId).ToHashSet();
        var later = recorded.Count(e =>
            !listed.Contains(e.Id)
            && (
                e.Event == EvidenceEvents.SubmissionAcceptance
                || e.RecipientRegistryNumber == facts.Recipient.RegistryNumber
            )
        );
        return new ReceiptRecordCheck(differences, later);
    }
}
