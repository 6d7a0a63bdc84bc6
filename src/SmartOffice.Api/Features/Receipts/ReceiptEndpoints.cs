using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;

namespace SmartOffice.Api.Features.Receipts;

/// <summary>
/// GET /api/letters/{id}/receipts/{recipient} (bearer token) and /letters/{id}/receipts/{recipient} (workspace
/// session): the sealed delivery receipt of a letter for one recipient, as a PDF to keep or print.
/// </summary>
internal static class ReceiptEndpoints
{
    public static RouteGroupBuilder MapReceipts(this RouteGroupBuilder group)
    {
        group.MapGet("{id:guid}/receipts/{recipient}", GetAsync);
        return group;
    }

    public static void MapReceiptFiles(this WebApplication app) =>
        app.MapGet("/letters/{id:guid}/receipts/{recipient}", GetFileAsync)
            .RequireAuthorization(Web.WorkspacePolicies.Member)
            .ExcludeFromDescription();

    private static async Task<IResult> GetAsync(
        Guid id,
        string recipient,
        HttpContext context,
        ReceiptIssuer issuer,
        CancellationToken cancellationToken
    ) =>
        await IssueAsync(id, recipient, context, issuer, cancellationToken) is { } receipt
            ? File(context, receipt)
            : Problems.NotFound("letter or recipient");

    private static async Task<IResult> GetFileAsync(
        Guid id,
        string recipient,
        HttpContext context,
        ReceiptIssuer issuer,
        CancellationToken cancellationToken
    ) =>
        await IssueAsync(id, recipient, context, issuer, cancellationToken) is { } receipt
            ? File(context, receipt)
            : Results.NotFound();

    private static Task<ReceiptIssuer.IssuedReceipt?> IssueAsync(
        Guid id,
        string recipient,
        HttpContext context,
        ReceiptIssuer issuer,
        CancellationToken cancellationToken
    ) =>
        issuer.IssueAsync(
            id,
            recipient,
            Caller.From(context.User)!,
            context.Connection.RemoteIpAddress?.ToString(),
            cancellationToken
        );

    // A download, never shown inline: a browser that opens it runs nothing from it, and no shared cache keeps it.
    private static IResult File(HttpContext context, ReceiptIssuer.IssuedReceipt receipt)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.ContentSecurityPolicy = Web.SecurityHeaders.SandboxPolicy;
        return Results.File(receipt.Pdf, "application/pdf", receipt.FileName);
    }
}
