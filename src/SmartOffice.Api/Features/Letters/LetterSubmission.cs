using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Outbox;
using SmartOffice.Contracts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Outbox;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Accepts a letter so that nothing accepted is lost: recipients checked, PDF validated with the sender as the
/// expected signer, the bytes written to the archive (fsync'd) first, then letter, deliveries, the sealed
/// acceptance evidence, the outbox row and the audit line committed in one transaction.
/// </summary>
internal sealed class LetterSubmission(
    ExchangeDbContext db,
    PdfSignatureValidator validator,
    IArchiveStore archive,
    EvidenceWriter evidence,
    OutboxSignal outboxSignal,
    IOptions<LimitsOptions> limits,
    SmartOffice.Exchange.Audit.AuditLog audit,
    TimeProvider time,
    ILogger<LetterSubmission> logger
)
{
    // The submission's reads, compiled once: every letter runs them, and preparing a LINQ query on each call (parameter
    // extraction and the query-cache lookup) took 4% of the whole machine in a profile of bench/ delivery.
    private static readonly CompiledPerModel<Func<ExchangeDbContext, Guid, CancellationToken, Task<bool>>> IsSuspended =
        new(() =>
            EF.CompileAsyncQuery(
                (ExchangeDbContext db, Guid accountId, CancellationToken _) =>
                    db.Accounts.Any(a => a.Id == accountId && a.IsSuspended)
            )
        );

    private static readonly CompiledPerModel<
        Func<ExchangeDbContext, List<string>, IAsyncEnumerable<Organization>>
    > Organizations = new(() =>
        EF.CompileAsyncQuery(
            (ExchangeDbContext db, List<string> registryNumbers) =>
                db
                    .Organizations.AsNoTracking()
                    .Where(o => registryNumbers.Contains(o.RegistryNumber) && o.Kind != OrganizationKind.Service)
        )
    );

    private static readonly CompiledPerModel<
        Func<ExchangeDbContext, string, Guid, string, DateTimeOffset, CancellationToken, Task<Guid?>>
    > SameLetterSince = new(() =>
        EF.CompileAsyncQuery(
            (
                ExchangeDbContext db,
                string sha256,
                Guid senderId,
                string recipientKey,
                DateTimeOffset since,
                CancellationToken _
            ) =>
                db
                    .Letters.Where(l =>
                        l.SignedContentSha256 == sha256
                        && l.SenderOrganizationId == senderId
                        && l.RecipientKey == recipientKey
                        && l.SubmittedAt > since
                    )
                    .Select(l => (Guid?)l.Id)
                    .FirstOrDefault()
        )
    );

    /// <summary>A suspended account sends nothing, through the API or the workspace.</summary>
    public async Task<Refusal?> SuspendedAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.AccountId is { } accountId && await IsSuspended.For(db)(db, accountId, cancellationToken)
            ? new Refusal(
                RefusalKind.Forbidden,
                RefusalCodes.AccountSuspended,
                "The account is suspended",
                "An administrator suspended this account (e.g. after reports of advertising). Contact the service "
                    + "administrator."
            )
            : null;

    public async Task<Outcome<SubmitLetterResponse>> SubmitAsync(
        Caller caller,
        SubmissionForm form,
        string? idempotencyKey,
        CancellationToken cancellationToken
    )
    {
        var submitter = caller.AccountId ?? caller.StaffUserId ?? caller.OrganizationId;
        if (await SuspendedAsync(caller, cancellationToken) is { } suspended)
        {
            return suspended;
        }

        var fingerprint = idempotencyKey is null ? "" : IdempotencyFingerprint.Of(form);
        if (
            idempotencyKey is not null
            && await ReplayAsync(submitter, idempotencyKey, fingerprint, cancellationToken) is { } replay
        )
        {
            return replay;
        }

        if (CheckForm(caller, form) is { } invalid)
        {
            return invalid;
        }

        var recipientNumbers = form.Recipients.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var recipients = new List<Organization>(recipientNumbers.Count);
        await foreach (
            var organization in Organizations.For(db)(db, recipientNumbers).WithCancellation(cancellationToken)
        )
        {
            recipients.Add(organization);
        }

        var unknown = recipientNumbers
            .Where(n => !recipients.Any(o => o.RegistryNumber == n && o.Status == OrganizationStatus.Active))
            .ToList();
        if (unknown.Count > 0)
        {
            return new Refusal(
                RefusalKind.Unprocessable,
                RefusalCodes.RecipientUnknown,
                "Unknown recipient",
                $"These recipients are not active organizations of the directory: {string.Join(", ", unknown)}."
            )
            {
                Data = new Dictionary<string, object?> { ["recipients"] = unknown },
            };
        }

        Guid? inReplyTo = null;
        if (!string.IsNullOrEmpty(form.InReplyTo))
        {
            inReplyTo =
                Guid.TryParse(form.InReplyTo, out var original)
                && await LetterAccess.CanReadAsync(db, caller, original, cancellationToken)
                    ? original
                    : null;
            if (inReplyTo is null)
            {
                return Refusal.Invalid("inReplyTo does not name a letter you received or sent.");
            }
        }

        var content = form.File.AsMemory(0, form.FileLength);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = validator.Validate(
            content,
            new ValidationRequest { ExpectedRegistryNumber = caller.RegistryNumber }
        );
        Exchange.Telemetry.ExchangeTelemetry.Validated(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        if (!report.Accepted)
        {
            Exchange.Telemetry.ExchangeTelemetry.Refused(report.Code);
            logger.LogInformation("Letter from {Sender} refused: {Code}", caller.RegistryNumber, report.Code);
            return Refusal.Rejected(report);
        }

        var attachments = ValidateAttachments(caller, form, report);
        if (attachments.Refusal is { } refusedAttachment)
        {
            return refusedAttachment;
        }

        var now = time.GetUtcNow();
        var recipientKey = string.Join(',', recipientNumbers);
        var since = now.AddHours(-limits.Value.DuplicateWindowHours);
        var duplicate = await SameLetterSince.For(db)(
            db,
            report.SignedContentSha256!,
            caller.OrganizationId,
            recipientKey,
            since,
            cancellationToken
        );
        if (duplicate is not null)
        {
            // A concurrent request with the same idempotency key may have committed this very letter after our first
            // replay check: its key record commits with the letter, so looking again answers what that request
            // answered.
            if (
                idempotencyKey is not null
                && await ReplayAsync(submitter, idempotencyKey, fingerprint, cancellationToken) is { } sameKey
            )
            {
                return sameKey;
            }

            return new Refusal(
                RefusalKind.Conflict,
                RefusalCodes.DuplicateLetter,
                "Duplicate letter",
                $"The same document was already sent to the same recipients within "
                    + $"{limits.Value.DuplicateWindowHours} hours."
            )
            {
                Data = new Dictionary<string, object?> { ["letterId"] = duplicate },
            };
        }

        var letter = new Letter
        {
            SenderOrganizationId = caller.OrganizationId,
            SenderRegistryNumber = caller.RegistryNumber,
            SenderAccountId = submitter,
            Subject = form.Subject!,
            Reference = string.IsNullOrEmpty(form.Reference) ? null : form.Reference,
            InReplyToLetterId = inReplyTo,
            DocumentSha256 = report.DocumentSha256!,
            SignedContentSha256 = report.SignedContentSha256!,
            DocumentSize = form.FileLength,
            SubmittedAt = now,
            ValidationReportJson = JsonSerializer.Serialize(report, SmartOffice.Exchange.ExchangeJson.Options),
            SignerSubject = report.Signer?.Subject,
            RecipientKey = recipientKey,
            SearchText = LetterSearchText.Build(
                form.Subject,
                form.Reference,
                string.Join(
                    '\n',
                    [PdfText.Extract(content), .. form.Attachments.Select(a => PdfText.Extract(a.Content))]
                )
            ),
        };
        await archive.StoreDocumentAsync(letter.DocumentSha256, content, cancellationToken);
        foreach (var (attachment, upload) in attachments.Value!)
        {
            attachment.LetterId = letter.Id;
            letter.Attachments.Add(attachment);
            await archive.StoreDocumentAsync(attachment.DocumentSha256, upload.Content, cancellationToken);
        }

        return await CommitAsync(caller, letter, recipients, submitter, idempotencyKey, fingerprint, cancellationToken);
    }

    private async Task<Outcome<SubmitLetterResponse>> CommitAsync(
        Caller caller,
        Letter letter,
        List<Organization> recipients,
        Guid submitter,
        string? idempotencyKey,
        string fingerprint,
        CancellationToken cancellationToken
    )
    {
        SubmitLetterResponse? response = null;
        try
        {
            // A new letter has no chain to lock yet: its acceptance is the first evidence.
            await LetterStep.RunAsync<bool>(
                db,
                [],
                _ =>
                {
                    foreach (var recipient in recipients.OrderBy(r => r.RegistryNumber, StringComparer.Ordinal))
                    {
                        letter.Deliveries.Add(
                            new Delivery
                            {
                                LetterId = letter.Id,
                                RecipientOrganizationId = recipient.Id,
                                RecipientRegistryNumber = recipient.RegistryNumber,
                            }
                        );
                    }

                    db.Letters.Add(letter);
                    var acceptance = evidence.AddFirst(
                        db,
                        new EvidenceDocument
                        {
                            Event = EvidenceEvents.SubmissionAcceptance,
                            EventTime = letter.SubmittedAt,
                            Issuer = evidence.Issuer,
                            Sender = letter.SenderRegistryNumber,
                            Recipient = letter.RecipientKey,
                            LetterId = letter.Id,
                            SubmissionTime = letter.SubmittedAt,
                            DocumentSha256 = letter.DocumentSha256,
                            Attachments =
                                letter.Attachments.Count == 0
                                    ? null
                                    :
                                    [
                                        .. letter.Attachments.Select(a => new EvidenceAttachment(
                                            a.Number,
                                            a.FileName,
                                            a.DocumentSha256
                                        )),
                                    ],
                        }
                    );
                    var message = new LetterSubmitted
                    {
                        LetterId = letter.Id,
                        SenderRegistryNumber = letter.SenderRegistryNumber,
                        RecipientRegistryNumbers = [.. letter.Deliveries.Select(d => d.RecipientRegistryNumber)],
                        DocumentSha256 = letter.DocumentSha256,
                        SubmittedAt = letter.SubmittedAt,
                        CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
                    };
                    db.OutboxMessages.Add(OutboxMessage.For(message, letter.SubmittedAt));
                    response = Respond(letter, recipients, acceptance);
                    if (idempotencyKey is not null)
                    {
                        db.IdempotencyRecords.Add(
                            new IdempotencyRecord
                            {
                                AccountId = submitter,
                                Key = idempotencyKey,
                                LetterId = letter.Id,
                                Fingerprint = fingerprint,
                                ResponseJson = JsonSerializer.Serialize(
                                    response,
                                    SmartOffice.Exchange.ExchangeJson.Options
                                ),
                                CreatedAt = letter.SubmittedAt,
                            }
                        );
                    }

                    audit.Stage(
                        db,
                        caller.Actor,
                        caller.RegistryNumber,
                        "letter.submitted",
                        letter.Id.ToString(),
                        details: letter.DocumentSha256
                    );
                    return Task.FromResult<Outcome<bool>>(true);
                },
                cancellationToken
            );
        }
        catch (DbUpdateException exception) when (idempotencyKey is not null && exception.IsUniqueViolation())
        {
            // A concurrent request with the same key committed first: answer what it answered, or refuse another
            // request.
            db.ChangeTracker.Clear();
            return await ReplayAsync(submitter, idempotencyKey, fingerprint, cancellationToken)
                ?? throw new InvalidOperationException("the key's record vanished");
        }

        outboxSignal.Notify();
        audit.Committed();
        Exchange.Telemetry.ExchangeTelemetry.Accepted();
        logger.LogInformation(
            "Letter {LetterId} accepted from {Sender} to {RecipientCount} recipient(s)",
            letter.Id,
            letter.SenderRegistryNumber,
            letter.Deliveries.Count
        );
        return response!;
    }

    // The IETF Idempotency-Key draft: the same key and request answer what the first answered; the same key with a
    // different request is an error, and nothing is stored for it.
    private async Task<Outcome<SubmitLetterResponse>?> ReplayAsync(
        Guid submitter,
        string key,
        string fingerprint,
        CancellationToken cancellationToken
    )
    {
        var record = await db
            .IdempotencyRecords.AsNoTracking()
            .Where(r => r.AccountId == submitter && r.Key == key)
            .Select(r => new { r.ResponseJson, r.Fingerprint })
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.Fingerprint.Length > 0 && record.Fingerprint != fingerprint)
        {
            return new Refusal(
                RefusalKind.Unprocessable,
                RefusalCodes.IdempotencyKeyReused,
                "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different letter (document, recipients, subject or "
                    + "reference). Nothing was stored: send this letter with a new key."
            );
        }

        return JsonSerializer.Deserialize<SubmitLetterResponse>(
            record.ResponseJson,
            SmartOffice.Exchange.ExchangeJson.Options
        )!;
    }

    /// <summary>
    /// Each attachment by the letter's own rules, the same sender expected; the first refused one refuses the letter,
    /// named by its number and file name. A document attached twice, or the letter attached to itself, is refused too.
    /// </summary>
    private Outcome<List<(LetterAttachment, AttachmentUpload)>> ValidateAttachments(
        Caller caller,
        SubmissionForm form,
        ValidationReport letterReport
    )
    {
        var accepted = new List<(LetterAttachment, AttachmentUpload)>(form.Attachments.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal) { letterReport.SignedContentSha256! };
        foreach (
            var (number, name, upload, report) in AttachmentValidation.Validate(
                validator,
                caller.RegistryNumber,
                form.Attachments
            )
        )
        {
            if (!report.Accepted)
            {
                Exchange.Telemetry.ExchangeTelemetry.Refused(report.Code);
                logger.LogInformation(
                    "Letter from {Sender} refused for attachment {Number}: {Code}",
                    caller.RegistryNumber,
                    number,
                    report.Code
                );
                return AttachmentRefusals.Rejected(number, name, report);
            }

            if (!seen.Add(report.SignedContentSha256!))
            {
                return Refusal
                    .Invalid($"attachment {number} ({name}) is the same document as the letter or another attachment.")
                    .Says("refusal.attachment.twice", number, name);
            }

            accepted.Add(
                (
                    new LetterAttachment
                    {
                        Number = number,
                        FileName = name,
                        DocumentSha256 = report.DocumentSha256!,
                        SignedContentSha256 = report.SignedContentSha256!,
                        DocumentSize = upload.Length,
                        ValidationReportJson = JsonSerializer.Serialize(
                            report,
                            SmartOffice.Exchange.ExchangeJson.Options
                        ),
                    },
                    upload
                )
            );
        }

        return accepted;
    }

    private Refusal? CheckForm(Caller caller, SubmissionForm form)
    {
        var problems = new List<(string English, RefusalSentence Words)>();
        if (form.File is null || form.FileLength == 0)
        {
            problems.Add(Problem("file (the signed PDF) is required", "refusal.letter.fileRequired"));
        }
        if (string.IsNullOrWhiteSpace(form.Subject))
        {
            problems.Add(Problem("subject is required", "refusal.letter.subjectRequired"));
        }
        if (form.Subject is { Length: > 500 })
        {
            problems.Add(Problem("subject is longer than 500 characters", "refusal.letter.subjectTooLong", 500));
        }
        if (form.Reference is { Length: > 100 })
        {
            problems.Add(Problem("reference is longer than 100 characters", "refusal.letter.referenceTooLong", 100));
        }
        if (form.Recipients.Count == 0)
        {
            problems.Add(Problem("at least one recipient is required", "refusal.letter.recipientRequired"));
        }
        if (form.Recipients.Count != form.Recipients.Distinct(StringComparer.Ordinal).Count())
        {
            problems.Add(Problem("a recipient is listed twice", "refusal.letter.recipientTwice"));
        }
        if (form.Recipients.Contains(caller.RegistryNumber, StringComparer.Ordinal))
        {
            problems.Add(Problem("a letter cannot be sent to its own sender", "refusal.letter.toSelf"));
        }
        if (form.Recipients.Count > limits.Value.MaxRecipients)
        {
            problems.Add(
                Problem(
                    $"at most {limits.Value.MaxRecipients} recipients per letter",
                    "refusal.letter.tooManyRecipients",
                    limits.Value.MaxRecipients
                )
            );
        }
        if (form.AttachmentCount > limits.Value.MaxAttachments)
        {
            problems.Add(
                Problem(
                    $"at most {limits.Value.MaxAttachments} attachments per letter",
                    "refusal.letter.tooManyAttachments",
                    limits.Value.MaxAttachments
                )
            );
        }
        // Checked before the document is validated and archived; the database could not store them (NUL) or they hide
        // text.
        if (TextRules.HasControlCharacter(form.Subject))
        {
            problems.Add(Problem("subject contains a control character", "refusal.letter.subjectControl"));
        }
        if (TextRules.HasControlCharacter(form.Reference))
        {
            problems.Add(Problem("reference contains a control character", "refusal.letter.referenceControl"));
        }
        if (form.Recipients.Any(TextRules.HasControlCharacter))
        {
            problems.Add(Problem("a recipient contains a control character", "refusal.letter.recipientControl"));
        }
        if (TextRules.HasBidiControl(form.Subject) || TextRules.HasBidiControl(form.Reference))
        {
            problems.Add(
                Problem(
                    "subject and reference may not contain bidirectional control characters (U+202A–202E, U+2066–2069)",
                    "refusal.letter.bidi"
                )
            );
        }

        return problems.Count == 0
            ? null
            : Refusal.Invalid(string.Join("; ", problems.Select(p => p.English)) + ".") with
            {
                Sentences = [.. problems.Select(p => p.Words)],
            };

        static (string, RefusalSentence) Problem(string english, string key, params object?[] arguments) =>
            (english, new RefusalSentence(key, arguments));
    }

    internal static SubmitLetterResponse Respond(
        Letter letter,
        List<Organization> recipients,
        EvidenceRecord acceptance
    ) =>
        new(
            letter.Id,
            "Accepted",
            letter.DocumentSha256,
            [
                .. letter.Deliveries.Select(d =>
                    LetterAccess.ToStatus(d, recipients.FirstOrDefault(r => r.Id == d.RecipientOrganizationId)?.Name)
                ),
            ],
            LetterAccess.ToEvidence(acceptance),
            [.. letter.Attachments.Select(LetterAccess.ToItem)]
        );
}
