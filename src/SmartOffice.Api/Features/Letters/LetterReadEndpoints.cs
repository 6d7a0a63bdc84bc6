using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Letters;

/// <summary>GET /api/letters/{id}, /document, /report, /evidence: sender and recipients only.</summary>
internal static class LetterReadEndpoints
{
    public static RouteGroupBuilder MapLetterReads(this RouteGroupBuilder group)
    {
        group.MapGet("{id:guid}", GetAsync);
        group.MapGet("{id:guid}/document", GetDocumentAsync);
        group.MapGet("{id:guid}/report", GetReportAsync);
        group.MapGet("{id:guid}/evidence", GetEvidenceAsync);
        return group;
    }

    private static async Task<Results<Ok<LetterDetails>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User)!;
        var letter = await LetterAccess.Readable(db, caller).AsNoTracking().Include(l => l.Deliveries).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound();
        }

        var numbers = letter.Deliveries.Select(d => d.RecipientRegistryNumber).Append(letter.SenderRegistryNumber).ToList();
        var names = await db.Organizations.Where(o => numbers.Contains(o.RegistryNumber)).ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        var deliveries = LetterAccess.IsSender(letter, caller) ? letter.Deliveries : letter.Deliveries.Where(d => d.RecipientOrganizationId == caller.OrganizationId);
        return TypedResults.Ok(new LetterDetails(
            letter.Id, letter.Subject, letter.Reference, letter.SenderRegistryNumber, names.GetValueOrDefault(letter.SenderRegistryNumber), letter.InReplyToLetterId,
            letter.DocumentSha256, letter.DocumentSize, letter.SubmittedAt, letter.SignerSubject,
            [.. deliveries.OrderBy(d => d.RecipientRegistryNumber).Select(d => LetterAccess.ToStatus(d, names.GetValueOrDefault(d.RecipientRegistryNumber)))]));
    }

    private static async Task<IResult> GetDocumentAsync(Guid id, HttpContext context, ExchangeDbContext db, IArchiveStore archive, EvidenceWriter evidence, SmartOffice.Exchange.Audit.AuditLog audit, LetterArchiver archiver, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User)!;
        var letter = await LetterAccess.Readable(db, caller).Include(l => l.Deliveries).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound();
        }

        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{letter.DocumentSha256}\"");
        if (await TrackFirstOpeningAsync(db, letter, caller, evidence, time, cancellationToken))
        {
            await archiver.RecordAsync(letter.Id, cancellationToken);
        }

        await audit.AppendAsync(caller.Actor, caller.RegistryNumber, "document.read", letter.Id.ToString(), context.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);
        var stream = archive.OpenDocument(letter.DocumentSha256);
        return stream is null
            ? Problems.Create(StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "Document missing from the archive")
            : TypedResults.File(stream, "application/pdf", $"letter-{letter.Id:N}.pdf", entityTag: etag);
    }

    // The first opening by a recipient is evidence (ETSI ContentAccessTracking) and moves the delivery to Opened.
    private static async Task<bool> TrackFirstOpeningAsync(ExchangeDbContext db, Letter letter, Caller caller, EvidenceWriter evidence, TimeProvider time, CancellationToken cancellationToken)
    {
        var delivery = letter.Deliveries.FirstOrDefault(d => d.RecipientOrganizationId == caller.OrganizationId);
        if (delivery is null || delivery.OpenedAt is not null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var claimed = await db.Deliveries.Where(d => d.Id == delivery.Id && d.OpenedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.OpenedAt, now)
            .SetProperty(d => d.State, d => d.State == DeliveryState.Delivered ? DeliveryState.Opened : d.State), cancellationToken);
        if (claimed == 1)
        {
            await evidence.AddAsync(db, new EvidenceDocument
            {
                Event = EvidenceEvents.ContentAccessTracking, EventTime = now, Issuer = evidence.Issuer, Sender = letter.SenderRegistryNumber,
                Recipient = delivery.RecipientRegistryNumber, LetterId = letter.Id, SubmissionTime = letter.SubmittedAt, DocumentSha256 = letter.DocumentSha256,
            }, cancellationToken);
            await SmartOffice.Exchange.Notifications.WebhookEvents.RaiseAsync(db, letter.SenderOrganizationId, SmartOffice.Exchange.Notifications.WebhookEvents.Opened,
                new { letterId = letter.Id, recipient = delivery.RecipientRegistryNumber, openedAt = now }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return claimed == 1;
    }

    private static async Task<Results<Ok<LetterReport>, ProblemHttpResult>> GetReportAsync(Guid id, HttpContext context, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var json = await LetterAccess.Readable(db, Caller.From(context.User)!).Where(l => l.Id == id).Select(l => l.ValidationReportJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? Problems.NotFound() : TypedResults.Ok(new LetterReport(id, JsonSerializer.Deserialize<ValidationReport>(json, EvidenceWriter.Json)!));
    }

    private static async Task<Results<Ok<IReadOnlyList<EvidenceItem>>, ProblemHttpResult>> GetEvidenceAsync(Guid id, HttpContext context, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User)!;
        var letter = await LetterAccess.Readable(db, caller).AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound();
        }

        var records = await db.Evidences.AsNoTracking().Where(e => e.LetterId == id).OrderBy(e => e.EventTime).ToListAsync(cancellationToken);
        var visible = LetterAccess.IsSender(letter, caller)
            ? records
            : records.Where(e => e.RecipientRegistryNumber == caller.RegistryNumber || e.Event == EvidenceEvents.SubmissionAcceptance);
        return TypedResults.Ok<IReadOnlyList<EvidenceItem>>([.. visible.Select(LetterAccess.ToEvidence)]);
    }
}
