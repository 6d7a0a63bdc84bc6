using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Send;

/// <summary>
/// Send a letter: recipients from the directory, the signed PDF, "Check" (the submission's own validation, nothing
/// sent) and "Send" (LetterSubmission, as the API does). The idempotency key is made when the page renders, so a
/// double click or a resent form sends the letter once.
/// </summary>
[EnableRateLimiting(RateLimiting.SubmissionPolicy)]
internal sealed class IndexModel(
    ExchangeDbContext db,
    IOptions<SignatureValidationOptions> signing,
    IOptions<LimitsOptions> limits,
    UiText text
) : WorkspacePage
{
    private const int MaxSuggestions = 20;

    [BindProperty]
    public string? Recipients { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    [BindProperty]
    public IFormFile? Letter { get; set; }

    /// <summary>The letter's appendices: further PDFs signed by the same organization.</summary>
    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public int MaxAttachments => limits.Value.MaxAttachments;

    public long MaxAttachmentMebibytes => limits.Value.MaxAttachmentBytes / (1024 * 1024);

    public SendResult? Result { get; private set; }

    /// <summary>Names of the chosen recipients (registry number → name), for the chips after a post.</summary>
    public IReadOnlyDictionary<string, string> RecipientNames { get; private set; } = new Dictionary<string, string>();

    public long MaxFileMebibytes => signing.Value.MaxFileBytes / (1024 * 1024);

    public void OnGet() => IdempotencyKey = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Search as you type: active organizations by part of the name (Latin input too) or the start of the registry
    /// number, ranked by match quality, never the caller; with <paramref name="kind"/> "agency", agencies only.
    /// </summary>
    public async Task<IActionResult> OnGetOrganizationsAsync(
        string? q,
        string? kind,
        CancellationToken cancellationToken
    )
    {
        var agenciesOnly = kind == "agency";
        var query = q?.Trim() ?? "";
        if (query.Length == 0)
        {
            return new JsonResult(Array.Empty<object>());
        }

        var lowered = query.ToLowerInvariant();
        var cyrillic = Features.Letters.LetterSearch.Cyrillic(query);
        var self = Caller.OrganizationId;

        // Best match first: the exact registry number, then names starting with the query, then the rest.
        var matches = await db
            .Organizations.AsNoTracking()
            .Where(o =>
                o.Status == OrganizationStatus.Active
                && o.Kind != OrganizationKind.Service
                && o.Id != self
                && (!agenciesOnly || o.Kind == OrganizationKind.Agency)
                && (
                    o.RegistryNumber.StartsWith(query)
                    || o.SearchName.Contains(lowered)
                    || o.SearchName.Contains(cyrillic)
                )
            )
            .OrderBy(o =>
                o.RegistryNumber == query ? 0
                : o.RegistryNumber.StartsWith(query)
                || o.SearchName.StartsWith(lowered)
                || o.SearchName.StartsWith(cyrillic)
                    ? 1
                : 2
            )
            .ThenBy(o => o.Name)
            .Take(MaxSuggestions)
            .Select(o => new
            {
                o.RegistryNumber,
                o.Name,
                Kind = o.Kind == OrganizationKind.Agency ? text["send.agency"] : text["send.company"],
            })
            .ToListAsync(cancellationToken);
        return new JsonResult(matches);
    }

    public async Task<IActionResult> OnPostCheckAsync(
        [FromServices] PdfSignatureValidator validator,
        CancellationToken cancellationToken
    )
    {
        await LoadNamesAsync(cancellationToken);
        using var upload = await ReadUploadAsync(cancellationToken);
        if (upload.Problem is { } problem)
        {
            Result = problem;
        }
        else
        {
            var report = validator.Validate(
                upload.Form.File.AsMemory(0, upload.Form.FileLength),
                new ValidationRequest { ExpectedRegistryNumber = Caller.RegistryNumber }
            );
            Result = SendResult.FromReport(report);
            // Each attachment by the same rules: the first one that cannot be sent is named.
            if (
                Result.IsAccepted
                && AttachmentValidation
                    .Validate(validator, Caller.RegistryNumber, upload.Form.Attachments)
                    .FirstOrDefault(a => !a.Report.Accepted)
                    is { } refused
            )
            {
                Result = SendResult.FromRefusal(
                    AttachmentRefusals.Rejected(refused.Number, refused.Name, refused.Report)
                );
            }
        }

        // The page's script asks for the verdict alone, so the chosen file stays selected in the form.
        return IsPartial ? Partial("_CheckResult", Result) : Page();
    }

    public async Task<IActionResult> OnPostSendAsync(
        [FromServices] LetterSubmission submission,
        CancellationToken cancellationToken
    )
    {
        await LoadNamesAsync(cancellationToken);
        using var upload = await ReadUploadAsync(cancellationToken);
        if (upload.Problem is not null)
        {
            Result = upload.Problem with { IsSendRefusal = true };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return RefusedPage();
        }

        var key = IdempotencyKey is { Length: > 0 and <= 200 } given ? given : null;
        var outcome = await submission.SubmitAsync(Caller, upload.Form, key, cancellationToken);
        if (outcome.Refusal is { } refused)
        {
            Result = SendResult.FromRefusal(refused) with { IsSendRefusal = true };
            Response.StatusCode = SmartOffice.Api.Errors.Problems.StatusOf(refused.Kind);
            return RefusedPage();
        }

        Notice = text.Format("send.sent", outcome.Value!.Recipients.Count);
        var letter = $"/letters/{outcome.Value.Id}";
        return IsPartial ? new JsonResult(new { location = letter }) : Redirect(letter);
    }

    private IActionResult RefusedPage() => IsPartial ? Partial("_CheckResult", Result) : Page();

    /// <summary>
    /// The posted fields as the submission reads them; the file bounded by the size limit (pooled, returned on
    /// dispose).
    /// </summary>
    private async Task<Upload> ReadUploadAsync(CancellationToken cancellationToken)
    {
        var recipients = ParseRecipients(Recipients);
        if (Letter is null || Letter.Length == 0)
        {
            return new Upload(
                new SubmissionForm(Subject, recipients, Reference, null, null, 0, false),
                new SendResult(false, RefusalCodes.Validation, text["send.noFile"], null, [], null)
            );
        }

        var maxFileBytes = signing.Value.MaxFileBytes;
        await using var stream = Letter.OpenReadStream();
        var (buffer, length, tooLarge) = await BoundedRead.ReadPooledAsync(stream, maxFileBytes, cancellationToken);
        var attachments = new AttachmentUploads(maxFileBytes, MaxAttachments, limits.Value.MaxAttachmentBytes);
        // A browser sends one nameless empty part when no attachment was chosen; an empty file that has a name is read
        // (and refused by the validator, as the API refuses it).
        foreach (var file in Attachments.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            await using var attachment = file.OpenReadStream();
            if (!await attachments.ReadAsync(file.FileName, attachment, cancellationToken))
            {
                break;
            }
        }

        var form = new SubmissionForm(Subject?.Trim(), recipients, Reference?.Trim(), null, buffer, length, tooLarge)
        {
            Attachments = attachments.Read,
            AttachmentCount = attachments.Count,
            AreAttachmentsTooLarge = attachments.IsTooLarge,
        };
        return new Upload(
            form,
            tooLarge
                    ? new SendResult(
                        false,
                        ValidationCodes.FileTooLarge,
                        $"{Letter.Length} > {maxFileBytes}",
                        null,
                        [],
                        null
                    )
                : attachments.IsTooLarge
                    ? SendResult.FromRefusal(AttachmentRefusals.TooLarge(maxFileBytes, limits.Value.MaxAttachmentBytes))
                : null
        );
    }

    private async Task LoadNamesAsync(CancellationToken cancellationToken)
    {
        var numbers = ParseRecipients(Recipients);
        RecipientNames =
            numbers.Count == 0
                ? new Dictionary<string, string>()
                : await db
                    .Organizations.AsNoTracking()
                    .Where(o => numbers.Contains(o.RegistryNumber))
                    .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
    }

    /// <summary>
    /// The textarea (or the chips' hidden copy of it): registry numbers separated by spaces, commas, semicolons or
    /// lines.
    /// </summary>
    public static List<string> ParseRecipients(string? value) =>
        [
            .. (value ?? "")
                .Split(
                    [' ', ',', ';', '\n', '\r', '\t'],
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                )
                .Distinct(StringComparer.Ordinal),
        ];

    private sealed record Upload(SubmissionForm Form, SendResult? Problem) : IDisposable
    {
        public void Dispose() => Form.Dispose();
    }
}
