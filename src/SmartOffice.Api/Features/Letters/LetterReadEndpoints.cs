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

/// <summary>
/// GET /api/letters/{id}, /document, /attachments/{number}, /report, /evidence: sender and recipients only.
/// </summary>
internal static class LetterReadEndpoints
{
    public static RouteGroupBuilder MapLetterReads(this RouteGroupBuilder group)
    {
        group.MapGet("{id:guid}", GetAsync);
        group.MapGet("{id:guid}/document", GetDocumentAsync);
        group.MapGet("{id:guid}/attachments/{number:int}", GetAttachmentAsync);
        group.MapGet("{id:guid}/report", GetReportAsync);
        group.MapGet("{id:guid}/evidence", GetEvidenceAsync);
        return group;
    }

    private static async Task<Results<Ok<LetterDetails>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpContext context,
        ExchangeDbContext db,
        CancellationToken cancellationToken
    )
    {
        var caller = Caller.From(context.User)!;
        var letter = await LetterAccess
            .Readable(db, caller)
            .AsNoTracking()
            .Include(l => l.Deliveries)
            .Include(l => l.Attachments)
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return Problems.NotFound();
        }

        var numbers = letter
            .Deliveries.Select(d => d.RecipientRegistryNumber)
            .Append(letter.SenderRegistryNumber)
            .ToList();
        var names = await db
            .Organizations.Where(o => numbers.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        var deliveries = LetterAccess.IsSender(letter, caller)
            ? letter.Deliveries
            : letter.Deliveries.Where(d => d.RecipientOrganizationId == caller.OrganizationId);
        return TypedResults.Ok(
            new LetterDetails(
                letter.Id,
                letter.Subject,
                letter.Reference,
                letter.SenderRegistryNumber,
                names.GetValueOrDefault(letter.SenderRegistryNumber),
                letter.InReplyToLetterId,
                letter.DocumentSha256,
                letter.DocumentSize,
                letter.SubmittedAt,
                letter.SignerSubject,
                [
                    .. deliveries
                        .OrderBy(d => d.RecipientRegistryNumber)
                        .Select(d => LetterAccess.ToStatus(d, names.GetValueOrDefault(d.RecipientRegistryNumber))),
                ],
                [.. letter.Attachments.OrderBy(a => a.Number).Select(LetterAccess.ToItem)]
            )
        );
    }

    private static async Task<IResult> GetAttachmentAsync(
        Guid id,
        int number,
        HttpContext context,
        DocumentReader reader,
        CancellationToken cancellationToken
    )
    {
        var attachment = await reader.OpenAttachmentAsync(
            id,
            number,
            Caller.From(context.User)!,
            context.Connection.RemoteIpAddress?.ToString(),
            cancellationToken
        );
        return attachment is null
            ? Problems.NotFound("attachment")
            : Pdf(context, attachment.Content, attachment.Facts.FileName, attachment.Facts.DocumentSha256);
    }

    private static async Task<IResult> GetDocumentAsync(
        Guid id,
        HttpContext context,
        DocumentReader reader,
        CancellationToken cancellationToken
    )
    {
        var document = await reader.OpenAsync(
            id,
            Caller.From(context.User)!,
            context.Connection.RemoteIpAddress?.ToString(),
            cancellationToken
        );
        return document is null
            ? Problems.NotFound()
            : Pdf(context, document.Content, $"letter-{id:N}.pdf", document.Letter.DocumentSha256);
    }

    /// <summary>
    /// A stored PDF as the API answers it: its exact bytes with their SHA-256 as the ETag, sandboxed (a signed
    /// document is data for its reader: a browser that opens it from the API runs nothing from it), or 500 when the
    /// archive lost it.
    /// </summary>
    private static IResult Pdf(HttpContext context, Stream? content, string fileName, string sha256)
    {
        if (content is null)
        {
            return Problems.Create(
                StatusCodes.Status500InternalServerError,
                RefusalCodes.Internal,
                "Document missing from the archive"
            );
        }

        context.Response.Headers.ContentSecurityPolicy = Web.SecurityHeaders.SandboxPolicy;
        return TypedResults.File(
            content,
            "application/pdf",
            fileName,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha256}\"")
        );
    }

    private static async Task<Results<Ok<LetterReport>, ProblemHttpResult>> GetReportAsync(
        Guid id,
        HttpContext context,
        ExchangeDbContext db,
        CancellationToken cancellationToken
    )
    {
        var json = await LetterAccess
            .Readable(db, Caller.From(context.User)!)
            .Where(l => l.Id == id)
            .Select(l => l.ValidationReportJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null
            ? Problems.NotFound()
            : TypedResults.Ok(
                new LetterReport(
                    id,
                    JsonSerializer.Deserialize<ValidationReport>(json, SmartOffice.Exchange.ExchangeJson.Options)!
                )
            );
    }

    private static async Task<Results<Ok<IReadOnlyList<EvidenceItem>>, ProblemHttpResult>> GetEvidenceAsync(
        Guid id,
        HttpContext context,
        DocumentReader reader,
        CancellationToken cancellationToken
    ) =>
        await reader.VisibleEvidenceAsync(id, Caller.From(context.User)!, cancellationToken) is { } evidences
            ? TypedResults.Ok(evidences)
            : Problems.NotFound();
}
