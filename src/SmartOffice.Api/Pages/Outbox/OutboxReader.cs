using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

using SmartOffice.Api.Pages.Shared;

namespace SmartOffice.Api.Pages.Outbox;

/// <summary>
/// Reads the caller organization's sent letters newest first, a page at a time by keyset (see <see cref="TimeCursor"/>),
/// so the hundredth page costs what the first does and letters sent at the same instant are neither lost nor repeated.
/// Only the sender's own letters, ever.
/// </summary>
internal sealed class OutboxReader(ExchangeDbContext db)
{
    public sealed record Page(IReadOnlyList<OutboxLetter> Letters, string? NextCursor);

    public async Task<Page> ReadAsync(Guid senderOrganizationId, string? search, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var letters = db.Letters.AsNoTracking().Where(l => l.SenderOrganizationId == senderOrganizationId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var lowered = text.ToLowerInvariant();
            // Registry numbers are digits: only then is a prefix match meaningful (and LIKE safe from wildcards).
            var numberPrefix = text.All(char.IsAsciiDigit) ? text + "%" : null;
            letters = letters.Where(l => l.SubjectSearch.Contains(lowered) || (l.Reference != null && l.Reference.Contains(text))
                || l.Deliveries.Any(d => (numberPrefix != null && EF.Functions.Like(d.RecipientRegistryNumber, numberPrefix))
                    || db.Organizations.Any(o => o.Id == d.RecipientOrganizationId && o.SearchName.Contains(lowered))));
        }

        var skip = 0;
        if (TimeCursor.TryParse(cursor, out var at, out var seen))
        {
            // Letters at exactly the cursor's time come first in this order; the previous page showed `seen` of them.
            letters = letters.Where(l => l.SubmittedAt <= at);
            skip = seen;
        }

        var rows = await letters.OrderByDescending(l => l.SubmittedAt).ThenByDescending(l => l.Id).Skip(skip).Take(pageSize + 1).Include(l => l.Deliveries).ToListAsync(cancellationToken);
        var shown = rows.Take(pageSize).ToList();
        return new Page(await DescribeAsync(shown, cancellationToken), rows.Count > pageSize ? TimeCursor.Next([.. shown.Select(l => l.SubmittedAt)], cursor) : null);
    }

    public async Task<OutboxLetter?> ReadOneAsync(Guid senderOrganizationId, Guid letterId, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().Include(l => l.Deliveries)
            .FirstOrDefaultAsync(l => l.Id == letterId && l.SenderOrganizationId == senderOrganizationId, cancellationToken);
        return letter is null ? null : (await DescribeAsync([letter], cancellationToken))[0];
    }

    private async Task<List<OutboxLetter>> DescribeAsync(List<Letter> letters, CancellationToken cancellationToken)
    {
        var ids = letters.Select(l => l.Id).ToList();
        var evidences = await db.Evidences.AsNoTracking().Where(e => ids.Contains(e.LetterId))
            .Select(e => new EvidenceLink(e.Id, e.LetterId, e.PreviousEvidenceId, e.Event, e.EventTime, e.RecipientRegistryNumber)).ToListAsync(cancellationToken);
        var numbers = letters.SelectMany(l => l.Deliveries.Select(d => d.RecipientRegistryNumber)).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => numbers.Contains(o.RegistryNumber)).ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        return [.. letters.Select(l =>
        {
            var own = EvidenceChain.Order(evidences.Where(e => e.LetterId == l.Id), e => e.Id, e => e.Previous, e => e.EventTime);
            return new OutboxLetter(l.Id, l.Subject, l.Reference, l.SubmittedAt, own.FirstOrDefault(e => e.Event == EvidenceEvents.SubmissionAcceptance)?.Id,
                [.. l.Deliveries.OrderBy(d => d.RecipientRegistryNumber, StringComparer.Ordinal).Select(d => new OutboxRecipient(
                    d.RecipientRegistryNumber, names.GetValueOrDefault(d.RecipientRegistryNumber), d.State.ToString(), Timeline(d, own)))]);
        })];
    }

    /// <summary>The steps a recipient took, each with the latest sealed evidence of that step (a reassignment seals a new one).</summary>
    private static List<TimelineStep> Timeline(Delivery delivery, List<EvidenceLink> evidences)
    {
        EvidenceLink? Last(string evidenceEvent) => evidences.LastOrDefault(e => e.Event == evidenceEvent && e.Recipient == delivery.RecipientRegistryNumber);
        var steps = new List<TimelineStep>();
        void Add(string kind, DateTimeOffset? at, string evidenceEvent, string? detail = null, Guid? reply = null)
        {
            var evidence = Last(evidenceEvent);
            steps.Add(new TimelineStep(kind, at ?? evidence?.EventTime, detail, reply, evidence?.Id));
        }

        if (delivery.State == DeliveryState.NotDelivered)
        {
            Add(nameof(DeliveryState.NotDelivered), null, EvidenceEvents.ContentConsignmentFailure, delivery.FailureReason);
            return steps;
        }

        if (delivery.DeliveredAt is not null) { Add(nameof(DeliveryState.Delivered), delivery.DeliveredAt, EvidenceEvents.ContentConsignment); }
        if (delivery.OpenedAt is not null) { Add(nameof(DeliveryState.Opened), delivery.OpenedAt, EvidenceEvents.ContentAccessTracking); }
        if (delivery.RegisteredAt is not null) { Add(nameof(DeliveryState.Registered), delivery.RegisteredAt, EvidenceEvents.Registration, delivery.IncomingNumber); }
        if (delivery.DueDate is { } due) { Add(nameof(DeliveryState.Assigned), null, EvidenceEvents.Assignment, due.ToString("d", CultureInfo.CurrentCulture)); }
        if (delivery.AnsweredAt is not null) { Add(nameof(DeliveryState.Answered), delivery.AnsweredAt, EvidenceEvents.Answer, reply: delivery.ReplyLetterId); }
        if (delivery.ClosedAt is not null) { Add(nameof(DeliveryState.Closed), delivery.ClosedAt, "Closure", delivery.CloseReason); }
        return steps;
    }

    private sealed record EvidenceLink(Guid Id, Guid LetterId, Guid? Previous, string Event, DateTimeOffset EventTime, string? Recipient);
}
