using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// POST /api/letters: a signed PDF to one or more recipients; 202 when accepted, 422 with the report when refused.
/// </summary>
internal static class SubmitLetterEndpoint
{
    private const int MultipartOverheadBytes = 256 * 1024;

    public static RouteGroupBuilder MapSubmitLetter(this RouteGroupBuilder group)
    {
        group
            .MapPost("", SubmitAsync)
            .RequireRateLimiting(RateLimiting.SubmissionPolicy)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data");
        return group;
    }

    private static async Task<Results<Accepted<SubmitLetterResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext context,
        LetterSubmission submission,
        IOptions<SignatureValidationOptions> signing,
        IOptions<LimitsOptions> limits,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var caller = Caller.From(context.User)!;
        var maxFileBytes = signing.Value.MaxFileBytes;
        var attachments = (limits.Value.MaxAttachments, limits.Value.MaxAttachmentBytes);
        var maxRequestBytes = maxFileBytes + (attachments.MaxAttachments > 0 ? attachments.MaxAttachmentBytes : 0);
        if (context.Request.ContentLength > maxRequestBytes + MultipartOverheadBytes)
        {
            return Refusal
                .Rejected(SizeReport(context.Request.ContentLength.Value, maxRequestBytes, time.GetUtcNow()))
                .ToProblem();
        }

        using var form = await SubmissionForm.ReadAsync(context.Request, maxFileBytes, attachments, cancellationToken);
        if (form is null)
        {
            return Problems.Validation(
                "Send the letter as multipart/form-data with fields file, subject and recipients."
            );
        }

        if (form.IsFileTooLarge)
        {
            return Refusal.Rejected(SizeReport(form.FileLength, maxFileBytes, time.GetUtcNow())).ToProblem();
        }

        if (form.AreAttachmentsTooLarge)
        {
            return AttachmentRefusals.TooLarge(maxFileBytes, attachments.MaxAttachmentBytes).ToProblem();
        }

        var idempotencyKey = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (idempotencyKey is { Length: > 200 })
        {
            return Problems.Validation("Idempotency-Key must be at most 200 characters.");
        }

        // A key is an opaque token (a UUID, say): visible ASCII only, as in the IETF Idempotency-Key draft.
        if (idempotencyKey is not null && !idempotencyKey.All(c => c is >= '!' and <= '~'))
        {
            return Problems.Validation(
                "Idempotency-Key must be visible ASCII characters only (no spaces or control characters)."
            );
        }

        var outcome = await submission.SubmitAsync(caller, form, idempotencyKey, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.ToProblem();
        }

        return TypedResults.Accepted($"/api/letters/{outcome.Value!.Id}", outcome.Value);
    }

    private static ValidationReport SizeReport(long size, long limit, DateTimeOffset now) =>
        new()
        {
            Code = ValidationCodes.FileTooLarge,
            Indication = Indications.TotalFailed,
            SubIndication = SubIndications.FormatFailure,
            Message =
                $"The file is larger than the {limit / (1024 * 1024)} MiB allowed ({size} bytes). Reduce the letter "
                + $"and sign it again.",
            MessageMn =
                $"Файлын хэмжээ зөвшөөрөгдөх {limit / (1024 * 1024)} MiB-аас их байна. Бичгийн хэмжээг багасгаж "
                + $"дахин гарын үсэг зурна уу.",
            Checks = [new ValidationCheck(CheckNames.Format, false, $"{size} bytes, limit {limit}")],
            ValidatedAt = now,
        };
}
