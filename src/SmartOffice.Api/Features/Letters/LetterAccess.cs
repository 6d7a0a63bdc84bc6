using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Who may read a letter: its sender, and each recipient once it is in their inbox. Everyone else gets 404,
/// so ids cannot be probed. Every read endpoint goes through here.
/// </summary>
internal static class LetterAccess
{
    public static IQueryable<Letter> Readable(ExchangeDbContext db, Caller caller) =>
        db.Letters.Where(l =>
            l.SenderOrganizationId == caller.OrganizationId
            || l.Deliveries.AsQueryable().Any(DeliveryRules.ReceivedBy(caller.OrganizationId))
        );

    public static Task<bool> CanReadAsync(
        ExchangeDbContext db,
        Caller caller,
        Guid letterId,
        CancellationToken cancellationToken
    ) => Readable(db, caller).AnyAsync(l => l.Id == letterId, cancellationToken);

    public static bool IsSender(Letter letter, Caller caller) => letter.SenderOrganizationId == caller.OrganizationId;

    public static RecipientStatus ToStatus(Delivery delivery, string? name) =>
        new(
            delivery.RecipientRegistryNumber,
            name,
            delivery.State.ToString(),
            delivery.DeliveredAt,
            delivery.OpenedAt,
            delivery.RegisteredAt,
            delivery.IncomingNumber,
            delivery.DueDate,
            delivery.AnsweredAt,
            delivery.ReplyLetterId,
            delivery.ClosedAt,
            delivery.FailureReason,
            delivery.ForwardedToRegistryNumber,
            delivery.ForwardedByRegistryNumber,
            delivery.ForwardReason
        );

    public static AttachmentItem ToItem(LetterAttachment attachment) =>
        new(attachment.Number, attachment.FileName, attachment.DocumentSha256, attachment.DocumentSize);

    public static EvidenceItem ToEvidence(EvidenceRecord record) =>
        new(
            record.Id,
            record.Event,
            record.EventTime,
            record.RecipientRegistryNumber,
            record.Json,
            record.Seal is null ? null : Convert.ToBase64String(record.Seal)
        );
}
