using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Reading a letter's PDF, for the API and the workspace alike: only its sender or a recipient, every read audited,
/// and a recipient's first opening sealed as evidence (ETSI ContentAccessTracking) that the sender hears about. The
/// opening is a <see cref="LetterStep"/>: the state change and its evidence commit together.
/// </summary>
internal sealed class DocumentReader(
    ExchangeDbContext db,
    IArchiveStore archive,
    EvidenceWriter evidence,
    AuditLog audit,
    LetterArchiver archiver,
    Live.SenderNotifier notifier,
    TimeProvider time
)
{
    public sealed record Document(Letter Letter, Stream? Content);

    public sealed record Attachment(LetterAttachment Facts, Stream? Content);

    /// <summary>The letter and its bytes; null when the caller may not read it (answer 404, never 403).</summary>
    public async Task<Document?> OpenAsync(
        Guid letterId,
        Caller caller,
        string? address,
        CancellationToken cancellationToken
    )
    {
        if (await ReadAsync(letterId, caller, cancellationToken) is not { } letter)
        {
            return null;
        }

        await audit.AppendAsync(
            caller.Actor,
            caller.RegistryNumber,
            "document.read",
            letter.Id.ToString(),
            address,
            cancellationToken: cancellationToken
        );
        return new Document(letter, archive.OpenDocument(letter.DocumentSha256));
    }

    /// <summary>
    /// Attachment <paramref name="number"/> of a letter and its bytes, under the letter's own rules: readable by its
    /// sender and recipients only, audited, and a recipient's first look at it is the first opening of the letter.
    /// </summary>
    public async Task<Attachment?> OpenAttachmentAsync(
        Guid letterId,
        int number,
        Caller caller,
        string? address,
        CancellationToken cancellationToken
    )
    {
        var facts = await db
            .LetterAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.LetterId == letterId && a.Number == number, cancellationToken);
        if (facts is null || await ReadAsync(letterId, caller, cancellationToken) is null)
        {
            return null;
        }

        await audit.AppendAsync(
            caller.Actor,
            caller.RegistryNumber,
            "attachment.read",
            $"{letterId}/{number}",
            address,
            cancellationToken: cancellationToken
        );
        return new Attachment(facts, archive.OpenDocument(facts.DocumentSha256));
    }

    /// <summary>The letter when the caller may read it, its first opening by a recipient tracked.</summary>
    private async Task<Letter?> ReadAsync(Guid letterId, Caller caller, CancellationToken cancellationToken)
    {
        var letter = await LetterAccess
            .Readable(db, caller)
            .Include(l => l.Deliveries)
            .FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        if (letter is not null && await TrackFirstOpeningAsync(letter, caller, cancellationToken) is { } opened)
        {
            await archiver.RecordAsync(letter.Id, cancellationToken);
            await notifier.TellAsync(letter, opened, cancellationToken);
        }

        return letter;
    }

    // The first opening by a recipient is evidence and moves the delivery to Opened; a conditional update makes it
    // once.
    private async Task<Delivery?> TrackFirstOpeningAsync(
        Letter letter,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        var delivery = letter.Deliveries.FirstOrDefault(d => d.RecipientOrganizationId == caller.OrganizationId);
        if (delivery is null || delivery.OpenedAt is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var opened = await LetterStep.RunAsync<bool>(
            db,
            [letter.Id],
            async ct =>
            {
                var claimed = await db
                    .Deliveries.Where(d => d.Id == delivery.Id && d.OpenedAt == null)
                    .ExecuteUpdateAsync(
                        s =>
                            s.SetProperty(d => d.OpenedAt, now)
                                .SetProperty(
                                    d => d.State,
                                    d => d.State == DeliveryState.Delivered ? DeliveryState.Opened : d.State
                                ),
                        ct
                    );
                if (claimed != 1)
                {
                    return Refusal.InvalidState("another request recorded the first opening");
                }

                await evidence.AddAsync(
                    db,
                    new EvidenceDocument
                    {
                        Event = EvidenceEvents.ContentAccessTracking,
                        EventTime = now,
                        Issuer = evidence.Issuer,
                        Sender = letter.SenderRegistryNumber,
                        Recipient = delivery.RecipientRegistryNumber,
                        LetterId = letter.Id,
                        SubmissionTime = letter.SubmittedAt,
                        DocumentSha256 = letter.DocumentSha256,
                    },
                    ct
                );
                await WebhookEvents.RaiseAsync(
                    db,
                    letter.SenderOrganizationId,
                    WebhookEvents.Opened,
                    new
                    {
                        letterId = letter.Id,
                        recipient = delivery.RecipientRegistryNumber,
                        openedAt = now,
                    },
                    now,
                    ct
                );
                return true;
            },
            cancellationToken
        );
        if (opened.IsRefused)
        {
            return null;
        }

        delivery.OpenedAt = now;
        delivery.State = delivery.State == DeliveryState.Delivered ? DeliveryState.Opened : delivery.State;
        return delivery;
    }

    /// <summary>
    /// The evidences the caller may download: the sender sees every one; a recipient its own and the submission's.
    /// Null when the letter is not the caller's to read.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceItem>?> VisibleEvidenceAsync(
        Guid letterId,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        var letter = await LetterAccess
            .Readable(db, caller)
            .AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        if (letter is null)
        {
            return null;
        }

        var records = EvidenceChain.Order(
            await db.Evidences.AsNoTracking().Where(e => e.LetterId == letterId).ToListAsync(cancellationToken)
        );
        var visible = LetterAccess.IsSender(letter, caller)
            ? records
            : records.Where(e =>
                e.RecipientRegistryNumber == caller.RegistryNumber || e.Event == EvidenceEvents.SubmissionAcceptance
            );
        return [.. visible.Select(LetterAccess.ToEvidence)];
    }
}
