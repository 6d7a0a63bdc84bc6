using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Features.Clerk;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Pages.Send;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Letters;

/// <summary>
/// One letter: the PDF, its signature in plain words, each recipient's journey from the sealed evidences, and for the
/// receiving agency the work on it (register, assign, answer with a signed reply, close, forward to the competent
/// agency, report, comments). Attachments are shown in the same viewer as the letter. The
/// sender sees every recipient; a recipient only its own delivery; anyone else gets 404.
/// </summary>
internal sealed class ViewModel(
    ExchangeDbContext db,
    DocumentReader reader,
    ClerkActions actions,
    LetterForwarding forwarding,
    UiText text,
    DateText dates,
    TimeProvider time
) : WorkspacePage
{
    public Letter Letter { get; private set; } = null!;

    public ValidationReport? Report { get; private set; }

    public bool IsSender { get; private set; }

    /// <summary>The caller's own delivery when the caller's organization is a recipient.</summary>
    public Delivery? Own { get; private set; }

    public IReadOnlyList<Delivery> Recipients { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<JourneyStep> Steps { get; private set; } = [];

    public IReadOnlyList<StaffUser> Executors { get; private set; } = [];

    public IReadOnlyList<LetterComment> Comments { get; private set; } = [];

    public string? InReplyToSubject { get; private set; }

    public DateOnly DefaultDueDate { get; private set; }

    /// <summary>The refused reply, explained like the send page explains a refusal.</summary>
    public SendResult? ReplyRefusal { get; private set; }

    public string ReplyKey { get; private set; } = Guid.NewGuid().ToString("N");

    public bool IsRecipientStaff => Own is not null && IsStaff;

    public bool CanRegister => IsRecipientStaff && ClerkRules.CanRegister(Own!, Caller);

    public bool CanAssign => IsRecipientStaff && ClerkRules.CanAssign(Own!, Caller);

    public bool CanAnswer => IsRecipientStaff && ClerkRules.CanAnswer(Own!, Caller);

    public bool CanClose => IsRecipientStaff && ClerkRules.CanClose(Own!, Caller);

    public bool CanReport => IsRecipientStaff && ClerkRules.CanReport(Own!, Caller);

    public bool CanForward => IsRecipientStaff && ClerkRules.CanForward(Own!, Caller);

    /// <summary>The letter's attachments in their order.</summary>
    public IReadOnlyList<LetterAttachment> Attachments { get; private set; } = [];

    /// <summary>
    /// The one action this role takes next in this state ("register", "assign", "answer"), shown first; null when
    /// there is none (the letter is finished, or waits on someone else).
    /// </summary>
    public string? NextAction =>
        CanRegister ? "register"
        : CanAssign && Own!.AssignedToUserId is null ? "assign"
        : CanAnswer ? "answer"
        : null;

    public string ExecutorName(Guid? id) =>
        id is { } known && Executors.FirstOrDefault(e => e.Id == known) is { } user ? user.DisplayName : "";

    public string NameOf(string? registryNumber) =>
        registryNumber is not null && Names.TryGetValue(registryNumber, out var name) ? name : registryNumber ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Caller.StaffUserId is { } me)
        {
            // Opening the letter answers the reminders about it.
            var now = time.GetUtcNow();
            await db
                .StaffNotifications.Where(n => n.StaffUserId == me && n.LetterId == id && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        return Page();
    }

    /// <summary>The registration cover sheet to print before the letter (registered, recipient staff).</summary>
    public async Task<IActionResult> OnGetCoverAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && IsRecipientStaff && Own!.IncomingNumber is not null
            ? Partial("_Cover", this)
            : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(
            id,
            () => actions.RegisterAsync(id, Caller, cancellationToken),
            result => text.Format("letter.registered", result.Delivery.IncomingNumber)
        );

    public Task<IActionResult> OnPostAssignAsync(
        Guid id,
        string? executor,
        DateOnly? dueDate,
        CancellationToken cancellationToken
    ) =>
        ActAsync(
            id,
            () => actions.AssignAsync(id, new AssignRequest(executor, dueDate), Caller, cancellationToken),
            result => text.Format("letter.assigned", result.Delivery.DueDate is { } due ? dates.Date(due) : "")
        );

    public Task<IActionResult> OnPostCloseAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(
            id,
            () => actions.CloseAsync(id, new ReasonRequest(reason), Caller, cancellationToken),
            _ => text["letter.closed"]
        );

    public Task<IActionResult> OnPostForwardAsync(
        Guid id,
        string? to,
        string? reason,
        CancellationToken cancellationToken
    ) =>
        ActAsync(
            id,
            async () =>
                await forwarding.ForwardAsync(
                    id,
                    new ForwardRequest(await AgencyNumberAsync(to, cancellationToken), reason),
                    Caller,
                    cancellationToken
                ),
            result => text.Format("letter.forwarded", result.Delivery.ForwardedTo)
        );

    /// <summary>
    /// What the clerk typed as the agency to forward to: a registry number as it is, or the whole name of an active
    /// agency (typed without picking from the suggestions). Part of a name is not enough: a typo that happened to match
    /// one other agency would send the letter there.
    /// </summary>
    private async Task<string?> AgencyNumberAsync(string? typed, CancellationToken cancellationToken)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0 || text.All(char.IsAsciiDigit))
        {
            return text;
        }

        var lowered = text.ToLowerInvariant();
        var named = await db
            .Organizations.AsNoTracking()
            .Where(o =>
                o.Kind == SmartOffice.Exchange.Organizations.OrganizationKind.Agency
                && o.Status == SmartOffice.Exchange.Organizations.OrganizationStatus.Active
                && o.SearchName == lowered
            )
            .Select(o => o.RegistryNumber)
            .Take(2)
            .ToListAsync(cancellationToken);
        return named.Count == 1 ? named[0] : text;
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var result = await actions.ReportAsync(
            id,
            new ReasonRequest(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()),
            Caller,
            cancellationToken
        );
        if (RefusalText(result.Refusal) is { } problem)
        {
            Failure = $"{text["letter.refused"]} {problem}";
            return RedirectToPage(new { id });
        }

        // A reported letter leaves the inbox; the clerk goes back to it.
        Notice = text["letter.reported"];
        return Redirect("/inbox");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, string? comment, CancellationToken cancellationToken)
    {
        var own = await db
            .Deliveries.Where(DeliveryRules.ReceivedBy(Caller.OrganizationId))
            .FirstOrDefaultAsync(d => d.LetterId == id, cancellationToken);
        if (own is null || !IsStaff)
        {
            return NotFound();
        }

        var body = comment?.Trim() ?? "";
        if (body.Length is 0 or > 4000)
        {
            Failure = text["letter.commentInvalid"];
            return RedirectToPage(new { id });
        }

        var author = await db
            .StaffUsers.AsNoTracking()
            .Where(u => u.Id == Caller.StaffUserId)
            .Select(u => u.DisplayName)
            .SingleAsync(cancellationToken);
        db.LetterComments.Add(
            new LetterComment
            {
                DeliveryId = own.Id,
                AuthorUserId = Caller.StaffUserId!.Value,
                AuthorName = author,
                Text = body,
                CreatedAt = time.GetUtcNow(),
            }
        );
        await db.SaveChangesAsync(cancellationToken);
        Notice = text["letter.commentAdded"];
        return Redirect($"/letters/{id}#comments");
    }

    /// <summary>
    /// The executor's answer: the signed reply PDF goes through the same submission as any letter (validated, signer =
    /// this agency, to the original sender, linked by inReplyTo), then the delivery is marked answered with it.
    /// </summary>
    public async Task<IActionResult> OnPostAnswerAsync(
        Guid id,
        IFormFile? reply,
        string? subject,
        string? reference,
        string? replyKey,
        [FromServices] LetterSubmission submission,
        [FromServices] IOptions<SignatureValidationOptions> signing,
        CancellationToken cancellationToken
    )
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanAnswer)
        {
            Failure = text["letter.cannotAnswer"];
            return RedirectToPage(new { id });
        }

        if (reply is null || reply.Length == 0)
        {
            return Refused(new SendResult(false, RefusalCodes.Validation, text["letter.noReplyFile"], null, [], null));
        }

        await using var stream = reply.OpenReadStream();
        var (buffer, length, tooLarge) = await BoundedRead.ReadPooledAsync(
            stream,
            signing.Value.MaxFileBytes,
            cancellationToken
        );
        using var form = new SubmissionForm(
            string.IsNullOrWhiteSpace(subject) ? $"Re: {Letter.Subject}" : subject.Trim(),
            [Letter.SenderRegistryNumber],
            reference?.Trim(),
            id.ToString(),
            buffer,
            length,
            tooLarge
        );
        if (tooLarge)
        {
            return Refused(new SendResult(false, ValidationCodes.FileTooLarge, null, null, [], null));
        }

        var sent = await submission.SubmitAsync(
            Caller,
            form,
            replyKey is { Length: > 0 and <= 200 } ? $"reply-{replyKey}" : null,
            cancellationToken
        );
        if (sent.Refusal is { } refused)
        {
            return Refused(SendResult.FromRefusal(refused));
        }

        var answered = await actions.AnswerAsync(id, new AnswerRequest(sent.Value!.Id), Caller, cancellationToken);
        if (RefusalText(answered.Refusal) is { } problem)
        {
            Failure = $"{text["letter.refused"]} {problem}";
        }
        else
        {
            Notice = text["letter.answered"];
        }

        return IsPartial ? new JsonResult(new { location = $"/letters/{id}" }) : RedirectToPage(new { id });
    }

    private IActionResult Refused(SendResult result)
    {
        ReplyRefusal = result with { IsSendRefusal = true };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return IsPartial ? Partial("_CheckResult", ReplyRefusal) : Page();
    }

    private async Task<IActionResult> ActAsync(
        Guid id,
        Func<Task<Outcome<ClerkActionResult>>> act,
        Func<ClerkActionResult, string> notice
    )
    {
        var result = await act();
        if (RefusalText(result.Refusal) is { } problem)
        {
            Failure = $"{text["letter.refused"]} {problem}";
        }
        else
        {
            Notice = notice(result.Value!);
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var letter = await LetterAccess
            .Readable(db, Caller)
            .AsNoTracking()
            .Include(l => l.Deliveries)
            .Include(l => l.Attachments)
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return false;
        }

        Letter = letter;
        Attachments = [.. letter.Attachments.OrderBy(a => a.Number)];
        IsSender = LetterAccess.IsSender(letter, Caller);
        Own = letter.Deliveries.FirstOrDefault(d =>
            d.RecipientOrganizationId == Caller.OrganizationId && DeliveryRules.IsReceived(d.State)
        );
        Recipients =
            IsSender ? [.. letter.Deliveries.OrderBy(d => d.RecipientRegistryNumber)]
            : Own is null ? []
            : [Own];
        Report = JsonSerializer.Deserialize<ValidationReport>(
            letter.ValidationReportJson,
            SmartOffice.Exchange.ExchangeJson.Options
        );
        var numbers = letter
            .Deliveries.Select(d => d.RecipientRegistryNumber)
            .Append(letter.SenderRegistryNumber)
            .ToList();
        Names = await db
            .Organizations.AsNoTracking()
            .Where(o => numbers.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
        Steps = [.. (await reader.VisibleEvidenceAsync(id, Caller, cancellationToken) ?? []).Select(JourneyStep.From)];
        if (letter.InReplyToLetterId is { } original)
        {
            InReplyToSubject = await LetterAccess
                .Readable(db, Caller)
                .Where(l => l.Id == original)
                .Select(l => l.Subject)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (IsRecipientStaff)
        {
            var staff = await db
                .StaffUsers.AsNoTracking()
                .Where(u => u.OrganizationId == Caller.OrganizationId && !u.IsDisabled)
                .OrderBy(u => u.DisplayName)
                .ToListAsync(cancellationToken);
            Executors = [.. staff.Where(u => u.HasRole(StaffRoles.Executor) || u.HasRole(StaffRoles.Head))];
            Comments = await db
                .LetterComments.AsNoTracking()
                .Where(c => c.DeliveryId == Own!.Id)
                .OrderBy(c => c.CreatedAt)
                .ToListAsync(cancellationToken);
            DefaultDueDate = Own!.DueDate ?? await actions.DefaultDueDateAsync(Caller, cancellationToken);
        }

        return true;
    }
}
