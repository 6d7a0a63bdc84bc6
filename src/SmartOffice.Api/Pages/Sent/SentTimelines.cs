using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Pages.Sent;

/// <summary>
/// Sent letters as the page shows them: the acceptance evidence and each recipient's timeline of sealed steps.
/// </summary>
internal sealed class SentTimelines(ExchangeDbContext db, Web.DateText dates)
{
    public async Task<List<SentLetter>> DescribeAsync(List<Letter> letters, CancellationToken cancellationToken)
    {
        var ids = letters.Select(l => l.Id).ToList();
        var evidences = await db
            .Evidences.AsNoTracking()
            .Where(e => ids.Contains(e.LetterId))
            .Select(e => new EvidenceLink(
                e.Id,
                e.LetterId,
                e.PreviousEvidenceId,
                e.Event,
                e.EventTime,
                e.RecipientRegistryNumber
            ))
            .ToListAsync(cancellationToken);
        var numbers = letters.SelectMany(l => l.Deliveries.Select(d => d.RecipientRegistryNumber)).Distinct().ToList();
        var names = await db
            .Organizations.AsNoTracking()
            .Where(o => numbers.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        return
        [
            .. letters.Select(l =>
            {
                var own = EvidenceChain.Order(
                    evidences.Where(e => e.LetterId == l.Id),
                    e => e.Id,
                    e => e.Previous,
                    e => e.EventTime
                );
                return new SentLetter(
                    l.Id,
                    l.Subject,
                    l.Reference,
                    l.SubmittedAt,
                    own.FirstOrDefault(e => e.Event == EvidenceEvents.SubmissionAcceptance)?.Id,
                    [
                        .. l
                            .Deliveries.OrderBy(d => d.RecipientRegistryNumber, StringComparer.Ordinal)
                            .Select(d => new SentRecipient(
                                d.RecipientRegistryNumber,
                                names.GetValueOrDefault(d.RecipientRegistryNumber),
                                d.State.ToString(),
                                Timeline(d, own, dates)
                            )),
                    ]
                );
            }),
        ];
    }

    /// <summary>
    /// The steps a recipient took, each with the latest sealed evidence of that step (a reassignment seals a new one).
    /// </summary>
    private static List<RecipientStep> Timeline(Delivery delivery, List<EvidenceLink> evidences, Web.DateText dates)
    {
        EvidenceLink? Last(string evidenceEvent) =>
            evidences.LastOrDefault(e => e.Event == evidenceEvent && e.Recipient == delivery.RecipientRegistryNumber);
        var steps = new List<RecipientStep>();
        void Add(string kind, DateTimeOffset? at, string evidenceEvent, string? detail = null, Guid? reply = null)
        {
            var evidence = Last(evidenceEvent);
            steps.Add(new RecipientStep(kind, at ?? evidence?.EventTime, detail, reply, evidence?.Id));
        }

        if (delivery.State == DeliveryState.NotDelivered)
        {
            Add(
                nameof(DeliveryState.NotDelivered),
                null,
                EvidenceEvents.ContentConsignmentFailure,
                delivery.FailureReason
            );
            return steps;
        }

        if (delivery.ForwardedByRegistryNumber is { } by)
        {
            Add("ForwardedHere", null, EvidenceEvents.Forwarding, $"{by} · {delivery.ForwardReason}");
        }
        if (delivery.DeliveredAt is not null)
        {
            Add(nameof(DeliveryState.Delivered), delivery.DeliveredAt, EvidenceEvents.ContentConsignment);
        }
        if (delivery.OpenedAt is not null)
        {
            Add(nameof(DeliveryState.Opened), delivery.OpenedAt, EvidenceEvents.ContentAccessTracking);
        }
        if (delivery.RegisteredAt is not null)
        {
            Add(
                nameof(DeliveryState.Registered),
                delivery.RegisteredAt,
                EvidenceEvents.Registration,
                delivery.IncomingNumber
            );
        }
        if (delivery.DueDate is { } due)
        {
            Add(nameof(DeliveryState.Assigned), null, EvidenceEvents.Assignment, dates.Date(due));
        }
        if (delivery.AnsweredAt is not null)
        {
            Add(
                nameof(DeliveryState.Answered),
                delivery.AnsweredAt,
                EvidenceEvents.Answer,
                reply: delivery.ReplyLetterId
            );
        }
        if (delivery.ForwardedToRegistryNumber is { } to)
        {
            Add(
                nameof(DeliveryState.Forwarded),
                delivery.ClosedAt,
                EvidenceEvents.Forwarding,
                $"{to} · {delivery.ForwardReason}"
            );
        }
        else if (delivery.ClosedAt is not null)
        {
            Add(nameof(DeliveryState.Closed), delivery.ClosedAt, EvidenceEvents.Closure, delivery.CloseReason);
        }
        return steps;
    }

    private sealed record EvidenceLink(
        Guid Id,
        Guid LetterId,
        Guid? Previous,
        string Event,
        DateTimeOffset EventTime,
        string? Recipient
    );
}
