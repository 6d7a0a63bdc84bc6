using System.Text.Json;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Letters;

namespace SmartOffice.Api.Web;

/// <summary>
/// The letter's files for the workspace (session cookie): the PDF and its attachments shown inline in the letter page,
/// and the sealed
/// evidences as JSON files in the shape `smartoffice evidence verify` and /api/letters/{id}/evidence use.
/// </summary>
internal static class LetterFileEndpoints
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapLetterFiles(this WebApplication app)
    {
        var letters = app.MapGroup("/letters/{id:guid}")
            .RequireAuthorization(WorkspacePolicies.Member)
            .ExcludeFromDescription();
        letters.MapGet("document", DocumentAsync);
        letters.MapGet("attachments/{number:int}", AttachmentAsync);
        letters.MapGet("evidence", AllEvidenceAsync);
        letters.MapGet("evidence/{evidenceId:guid}", OneEvidenceAsync);
    }

    private static async Task<IResult> DocumentAsync(
        Guid id,
        bool? download,
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
        if (document?.Content is not { } content)
        {
            return Results.NotFound();
        }

        // Inline for the page's viewer; an attachment (sandboxed) when the user asks to save it. Never cached by shared
        // caches.
        context.Response.Headers.CacheControl = "private, no-store";
        if (download == true)
        {
            context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.SandboxPolicy;
            return Results.File(content, "application/pdf", $"letter-{id:N}.pdf");
        }

        // The letter page reads it with PDF.js: a browser that opens the file itself runs nothing from it.
        context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.SandboxPolicy;
        context.Response.Headers.ContentDisposition = $"inline; filename=letter-{id:N}.pdf";
        return Results.Stream(content, "application/pdf");
    }

    private static async Task<IResult> AttachmentAsync(
        Guid id,
        int number,
        bool? download,
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
        if (attachment?.Content is not { } content)
        {
            return Results.NotFound();
        }

        // As the letter's own document: sandboxed, never cached by shared caches, inline for the viewer.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.SandboxPolicy;
        if (download == true)
        {
            return Results.File(content, "application/pdf", attachment.Facts.FileName);
        }

        context.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(
            "inline"
        )
        {
            FileNameStar = attachment.Facts.FileName,
        }.ToString();
        return Results.Stream(content, "application/pdf");
    }

    private static async Task<IResult> AllEvidenceAsync(
        Guid id,
        HttpContext context,
        DocumentReader reader,
        CancellationToken cancellationToken
    ) =>
        await reader.VisibleEvidenceAsync(id, Caller.From(context.User)!, cancellationToken) is { } evidences
            ? Json(evidences, $"evidence-{id:N}.json")
            : Results.NotFound();

    private static async Task<IResult> OneEvidenceAsync(
        Guid id,
        Guid evidenceId,
        HttpContext context,
        DocumentReader reader,
        CancellationToken cancellationToken
    ) =>
        (await reader.VisibleEvidenceAsync(id, Caller.From(context.User)!, cancellationToken))?.FirstOrDefault(e =>
            e.EvidenceId == evidenceId
        )
            is { } evidence
            ? Json(evidence, $"evidence-{evidence.Event}-{evidence.EvidenceId:N}.json")
            : Results.NotFound();

    private static IResult Json<T>(T value, string fileName) =>
        Results.File(JsonSerializer.SerializeToUtf8Bytes(value, s_json), "application/json", fileName);
}
