using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Outbox;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Clerk;

/// <summary>
/// An agency sends a received letter on to the agency competent to answer it. The original bytes travel unchanged:
/// the same letter gets one more delivery, which the Worker delivers like any other, while the forwarding agency's
/// delivery ends as Forwarded. One <see cref="LetterStep"/> seals a Forwarding evidence in each agency's part of the
/// letter's chain, tells the sender (webhook and live update) and queues the delivery through the outbox.
/// </summary>
internal sealed class LetterForwarding(
    ExchangeDbContext db,
    EvidenceWriter evidence,
    AuditLog audit,
    LetterArchiver archiver,
    Live.SenderNotifier notifier,
    OutboxSignal outboxSignal,
    ServiceClock clock
)
{
    public async Task<Outcome<ClerkActionResult>> ForwardAsync(
        Guid letterId,
        ForwardRequest request,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        if (!ClerkRules.IsStaffWith(caller, ClerkRules.Registrars))
        {
            return Refusal
                .Forbidden($"This needs agency staff with one of the roles {string.Join(", ", ClerkRules.Registrars)}.")
                .Says("refusal.clerk.roles");
        }

        var to = request.To?.Trim() ?? "";
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > ClerkActions.MaxReasonLength)
        {
            return Refusal
                .Invalid($"a reason of at most {ClerkActions.MaxReasonLength} characters is required.")
                .Says("refusal.clerk.reasonRequired", ClerkActions.MaxReasonLength);
        }

        if (ClerkActions.UnreadableReason(reason) is { } unreadable)
        {
            return unreadable;
        }

        var target = await db
            .Organizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.RegistryNumber == to, cancellationToken);
        if (target is not { Kind: OrganizationKind.Agency, Status: OrganizationStatus.Active })
        {
            return new Refusal(
                RefusalKind.Unprocessable,
                RefusalCodes.RecipientUnknown,
                "Unknown agency",
                $"{to} is not an active agency of the directory; a letter is forwarded to an agency."
            ).Says("refusal.forward.notAgency", to);
        }

        if (target.Id == caller.OrganizationId)
        {
            return Refusal
                .Invalid("a letter cannot be forwarded to the agency that has it.")
                .Says("refusal.forward.self");
        }

        var outcome = await LetterStep.RunAsync<Delivery>(
            db,
            [letterId],
            ct => ForwardInStepAsync(letterId, target, reason, caller, ct),
            cancellationToken
        );
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var forwarded = outcome.Value!;
        outboxSignal.Notify();
        audit.Committed();
        await archiver.RecordAsync(letterId, cancellationToken);
        await notifier.TellAsync(forwarded.Letter!, forwarded, cancellationToken);
        return new ClerkActionResult(letterId, LetterAccess.ToStatus(forwarded, null));
    }

    private async Task<Outcome<Delivery>> ForwardInStepAsync(
        Guid letterId,
        Organization target,
        string reason,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        var delivery = await db
            .Deliveries.Include(d => d.Letter)
            .Where(DeliveryRules.ReceivedBy(caller.OrganizationId))
            .FirstOrDefaultAsync(d => d.LetterId == letterId, cancellationToken);
        if (delivery is null)
        {
            return Refusal.NotFound();
        }

        // A letter reported as advertising goes no further.
        if (!DeliveryRules.CanForward(delivery.State) || delivery.IsReported)
        {
            return Refusal
                .InvalidState(
                    $"the letter is {delivery.State}; only a letter that is not answered, closed or forwarded "
                        + "can be forwarded"
                )
                .Says("refusal.forward.state", delivery.State);
        }

        // The sender has its letter already: a forward there would make it a recipient of its own letter.
        if (
            target.Id == delivery.Letter!.SenderOrganizationId
            || await db.Deliveries.AnyAsync(
                d => d.LetterId == letterId && d.RecipientOrganizationId == target.Id,
                cancellationToken
            )
        )
        {
            return Refusal
                .InvalidState($"{target.RegistryNumber} already has this letter.")
                .Says("refusal.forward.alreadyRecipient", target.RegistryNumber);
        }

        var now = clock.Now;
        var letter = delivery.Letter!;
        (delivery.State, delivery.ClosedAt, delivery.ForwardedToRegistryNumber, delivery.ForwardReason) = (
            DeliveryState.Forwarded,
            now,
            target.RegistryNumber,
            reason
        );
        db.Deliveries.Add(
            new Delivery
            {
                LetterId = letterId,
                RecipientOrganizationId = target.Id,
                RecipientRegistryNumber = target.RegistryNumber,
                ForwardedByRegistryNumber = caller.RegistryNumber,
                ForwardReason = reason,
            }
        );
        var details = new Dictionary<string, string>
        {
            ["from"] = caller.RegistryNumber,
            ["to"] = target.RegistryNumber,
            ["reason"] = reason,
        };
        if (delivery.IncomingNumber is { } incoming)
        {
            details["incomingNumber"] = incoming;
        }

        // Sealed in both agencies' parts of the chain: each recipient's evidence file shows the forward.
        foreach (var recipient in new[] { caller.RegistryNumber, target.RegistryNumber })
        {
            await evidence.AddAsync(
                db,
                new EvidenceDocument
                {
                    Event = EvidenceEvents.Forwarding,
                    EventTime = now,
                    Issuer = evidence.Issuer,
                    Sender = letter.SenderRegistryNumber,
                    Recipient = recipient,
                    LetterId = letterId,
                    SubmissionTime = letter.SubmittedAt,
                    DocumentSha256 = letter.DocumentSha256,
                    Details = details,
                },
                cancellationToken
            );
        }

        db.OutboxMessages.Add(
            OutboxMessage.For(
                new LetterSubmitted
                {
                    LetterId = letterId,
                    SenderRegistryNumber = letter.SenderRegistryNumber,
                    RecipientRegistryNumbers = [target.RegistryNumber],
                    DocumentSha256 = letter.DocumentSha256,
                    SubmittedAt = letter.SubmittedAt,
                    CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
                },
                now
            )
        );
        await WebhookEvents.RaiseAsync(
            db,
            letter.SenderOrganizationId,
            WebhookEvents.Forwarded,
            new
            {
                letterId,
                recipient = caller.RegistryNumber,
                details,
            },
            now,
            cancellationToken
        );
        audit.Stage(
            db,
            caller.Actor,
            caller.RegistryNumber,
            "letter.forwarded",
            letterId.ToString(),
            details: $"to={target.RegistryNumber}; reason={reason}"
        );
        return delivery;
    }
}
