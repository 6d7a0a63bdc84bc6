using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Clerk;

/// <summary>
/// The state changes of a delivery inside the recipient agency. Each one is a <see cref="LetterStep"/>: the letter is
/// locked, the delivery read and changed, its sealed evidence (which the sender can download), webhook event and
/// audit line added, and all committed together; then the letter is archived and the sender told.
/// </summary>
internal sealed class ClerkActions(
    ExchangeDbContext db,
    EvidenceWriter evidence,
    AuditLog audit,
    LetterArchiver archiver,
    Live.SenderNotifier notifier,
    IOptions<DeadlinesOptions> deadlines,
    WorkingCalendar calendar,
    ServiceClock clock
)
{
    /// <summary>Longest close or report reason kept.</summary>
    public const int MaxReasonLength = 4000;

    private sealed record Change(string EvidenceEvent, string WebhookEvent, Dictionary<string, string> Details);

    public async Task<Outcome<ClerkActionResult>> RegisterAsync(
        Guid letterId,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ActAsync(
                    letterId,
                    caller,
                    ClerkRules.Registrars,
                    async (delivery, ct) =>
                    {
                        if (!DeliveryRules.CanRegister(delivery.State))
                        {
                            return Refusal
                                .InvalidState(
                                    $"the letter is {delivery.State}; only a delivered or opened letter is registered"
                                )
                                .Says("refusal.clerk.notRegistrable", delivery.State);
                        }

                        var now = clock.Now;
                        var prefix = $"{clock.DateOf(now).Year}/";
                        var taken = await db.Deliveries.CountAsync(
                            d =>
                                d.RecipientOrganizationId == caller.OrganizationId
                                && d.IncomingNumber != null
                                && d.IncomingNumber.StartsWith(prefix),
                            ct
                        );
                        (delivery.IncomingNumber, delivery.RegisteredAt, delivery.State) = (
                            $"{prefix}{taken + 1:D5}",
                            now,
                            DeliveryState.Registered
                        );
                        return new Change(
                            EvidenceEvents.Registration,
                            "registered",
                            new() { ["incomingNumber"] = delivery.IncomingNumber }
                        );
                    },
                    cancellationToken
                );
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < 50)
            {
                // Another registrar of the agency took the number: count again in a new step.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Outcome<ClerkActionResult>> AssignAsync(
        Guid letterId,
        AssignRequest request,
        Caller caller,
        CancellationToken cancellationToken
    ) =>
        ActAsync(
            letterId,
            caller,
            ClerkRules.Registrars,
            async (delivery, ct) =>
            {
                if (!DeliveryRules.IsInWork(delivery.State))
                {
                    return Refusal
                        .InvalidState("register the letter before assigning it")
                        .Says("refusal.clerk.registerFirst");
                }

                var executor = await db.StaffUsers.FirstOrDefaultAsync(
                    u => u.OrganizationId == caller.OrganizationId && u.UserName == request.Executor && !u.IsDisabled,
                    ct
                );
                if (executor is null || !(executor.HasRole(StaffRoles.Executor) || executor.HasRole(StaffRoles.Head)))
                {
                    return Refusal
                        .Invalid("executor must be the user name of an executor or head of your agency.")
                        .Says("refusal.clerk.executor");
                }

                var due = request.DueDate ?? await DefaultDueDateAsync(caller, ct);
                if (due < clock.Today)
                {
                    return Refusal.Invalid("the due date is in the past.").Says("refusal.clerk.duePast");
                }

                (delivery.AssignedToUserId, delivery.DueDate, delivery.State) = (
                    executor.Id,
                    due,
                    DeliveryState.Assigned
                );
                return new Change(
                    EvidenceEvents.Assignment,
                    "assigned",
                    new()
                    {
                        ["dueDate"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        ["executor"] = executor.DisplayName,
                    }
                );
            },
            cancellationToken
        );

    public Task<Outcome<ClerkActionResult>> AnswerAsync(
        Guid letterId,
        AnswerRequest request,
        Caller caller,
        CancellationToken cancellationToken
    ) =>
        ActAsync(
            letterId,
            caller,
            ClerkRules.Executors,
            async (delivery, ct) =>
            {
                if (NotTheirs(delivery, caller) is { } notTheirs)
                {
                    return notTheirs;
                }

                if (!DeliveryRules.IsInWork(delivery.State))
                {
                    return Refusal
                        .InvalidState($"the letter is {delivery.State}; register it before answering")
                        .Says("refusal.clerk.answerState", delivery.State);
                }

                var reply = await db
                    .Letters.AsNoTracking()
                    .FirstOrDefaultAsync(
                        l =>
                            l.Id == request.ReplyLetterId
                            && l.SenderOrganizationId == caller.OrganizationId
                            && l.InReplyToLetterId == letterId,
                        ct
                    );
                if (reply is null)
                {
                    return Refusal
                        .Invalid("replyLetterId must be a letter your agency sent with inReplyTo set to this letter.")
                        .Says("refusal.clerk.reply");
                }

                (delivery.ReplyLetterId, delivery.AnsweredAt, delivery.State) = (
                    reply.Id,
                    clock.Now,
                    DeliveryState.Answered
                );
                return new Change(EvidenceEvents.Answer, "answered", new() { ["replyLetterId"] = reply.Id.ToString() });
            },
            cancellationToken
        );

    public Task<Outcome<ClerkActionResult>> CloseAsync(
        Guid letterId,
        ReasonRequest request,
        Caller caller,
        CancellationToken cancellationToken
    ) =>
        ActAsync(
            letterId,
            caller,
            ClerkRules.Executors,
            (delivery, _) =>
            {
                if (NotTheirs(delivery, caller) is { } notTheirs)
                {
                    return Task.FromResult<Outcome<Change>>(notTheirs);
                }

                if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
                {
                    return Task.FromResult<Outcome<Change>>(
                        Refusal
                            .Invalid($"a reason of at most {MaxReasonLength} characters is required.")
                            .Says("refusal.clerk.reasonRequired", MaxReasonLength)
                    );
                }

                if (UnreadableReason(request.Reason) is { } unreadable)
                {
                    return Task.FromResult<Outcome<Change>>(unreadable);
                }

                if (!DeliveryRules.IsInWork(delivery.State))
                {
                    return Task.FromResult<Outcome<Change>>(
                        Refusal
                            .InvalidState(
                                $"the letter is {delivery.State}; only a registered letter that is not answered or "
                                    + $"closed can be closed"
                            )
                            .Says("refusal.clerk.closeState", delivery.State)
                    );
                }

                (delivery.ClosedAt, delivery.CloseReason, delivery.State) = (
                    clock.Now,
                    request.Reason.Trim(),
                    DeliveryState.Closed
                );
                return Task.FromResult<Outcome<Change>>(
                    new Change(EvidenceEvents.Closure, "closed", new() { ["reason"] = delivery.CloseReason })
                );
            },
            cancellationToken
        );

    /// <summary>
    /// A report flags the sender's account for the service admins; it changes no state the sender can see.
    /// </summary>
    public async Task<Outcome<ClerkActionResult>> ReportAsync(
        Guid letterId,
        ReasonRequest request,
        Caller caller,
        CancellationToken cancellationToken
    )
    {
        if (request.Reason is { Length: > MaxReasonLength })
        {
            return Refusal
                .Invalid($"the reason may have at most {MaxReasonLength} characters.")
                .Says("refusal.clerk.reasonTooLong", MaxReasonLength);
        }

        if (UnreadableReason(request.Reason) is { } unreadable)
        {
            return unreadable;
        }

        if (!ClerkRules.IsStaffWith(caller, ClerkRules.Reporters))
        {
            return Forbidden(ClerkRules.Reporters);
        }

        var outcome = await LetterStep.RunAsync<Delivery>(
            db,
            [letterId],
            async ct =>
            {
                if (await LoadAsync(letterId, caller, ct) is not { } delivery)
                {
                    return Refusal.NotFound();
                }

                delivery.IsReported = true;
                var reason = FlagReasons.Reported(letterId, caller.RegistryNumber, request.Reason);
                await db
                    .Accounts.Where(a => a.OrganizationId == delivery.Letter!.SenderOrganizationId)
                    .ExecuteUpdateAsync(
                        s =>
                            s.SetProperty(a => a.IsFlagged, true)
                                .SetProperty(a => a.FlagReason, reason.Length > 1000 ? reason[..1000] : reason),
                        ct
                    );
                audit.Stage(
                    db,
                    caller.Actor,
                    caller.RegistryNumber,
                    "letter.reported",
                    letterId.ToString(),
                    details: request.Reason
                );
                return delivery;
            },
            cancellationToken
        );
        if (outcome.Refusal is { } refused)
        {
            return refused;
        }

        audit.Committed();
        return new ClerkActionResult(letterId, LetterAccess.ToStatus(outcome.Value!, null));
    }

    /// <summary>Today plus the agency's working days (its own setting, else Deadlines:DefaultWorkingDays).</summary>
    public async Task<DateOnly> DefaultDueDateAsync(Caller caller, CancellationToken cancellationToken)
    {
        var agencyDays = await db
            .Organizations.Where(o => o.Id == caller.OrganizationId)
            .Select(o => o.DueWorkingDays)
            .SingleAsync(cancellationToken);
        return calendar.AddWorkingDays(clock.Today, agencyDays ?? deadlines.Value.DefaultWorkingDays);
    }

    // The step: lock, read the delivery as it is now, let the action check and change it, then seal, raise and audit
    // the change in the same commit. Archiving and the sender's live update follow the commit.
    private async Task<Outcome<ClerkActionResult>> ActAsync(
        Guid letterId,
        Caller caller,
        string[] roles,
        Func<Delivery, CancellationToken, Task<Outcome<Change>>> act,
        CancellationToken cancellationToken
    )
    {
        if (!ClerkRules.IsStaffWith(caller, roles))
        {
            return Forbidden(roles);
        }

        var outcome = await LetterStep.RunAsync<Delivery>(
            db,
            [letterId],
            async ct =>
            {
                if (await LoadAsync(letterId, caller, ct) is not { } delivery)
                {
                    return Refusal.NotFound();
                }

                var changed = await act(delivery, ct);
                if (changed.Refusal is { } refused)
                {
                    return refused;
                }

                var (evidenceEvent, webhookEvent, details) = changed.Value!;
                var letter = delivery.Letter!;
                await evidence.AddAsync(
                    db,
                    new EvidenceDocument
                    {
                        Event = evidenceEvent,
                        EventTime = clock.Now,
                        Issuer = evidence.Issuer,
                        Sender = letter.SenderRegistryNumber,
                        Recipient = delivery.RecipientRegistryNumber,
                        LetterId = letter.Id,
                        SubmissionTime = letter.SubmittedAt,
                        DocumentSha256 = letter.DocumentSha256,
                        Details = details,
                    },
                    ct
                );
                await WebhookEvents.RaiseAsync(
                    db,
                    letter.SenderOrganizationId,
                    webhookEvent,
                    new
                    {
                        letterId = letter.Id,
                        recipient = delivery.RecipientRegistryNumber,
                        details,
                    },
                    clock.Now,
                    ct
                );
                audit.Stage(
                    db,
                    caller.Actor,
                    caller.RegistryNumber,
                    $"letter.{webhookEvent}",
                    letter.Id.ToString(),
                    details: string.Join("; ", details.Select(d => $"{d.Key}={d.Value}"))
                );
                return delivery;
            },
            cancellationToken
        );
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var done = outcome.Value!;
        audit.Committed();
        await archiver.RecordAsync(letterId, cancellationToken);
        await notifier.TellAsync(done.Letter!, done, cancellationToken);
        return new ClerkActionResult(letterId, LetterAccess.ToStatus(done, null));
    }

    private Task<Delivery?> LoadAsync(Guid letterId, Caller caller, CancellationToken cancellationToken) =>
        db
            .Deliveries.Include(d => d.Letter)
            .Where(DeliveryRules.ReceivedBy(caller.OrganizationId))
            .FirstOrDefaultAsync(d => d.LetterId == letterId, cancellationToken);

    /// <summary>
    /// A reason is sealed into evidence, shown to the sender and printed on receipts: control and bidirectional
    /// control characters would make it read differently from what it says.
    /// </summary>
    public static Refusal? UnreadableReason(string? reason) =>
        TextRules.HasControlCharacter(reason) || TextRules.HasBidiControl(reason)
            ? Refusal
                .Invalid("the reason may not contain control or bidirectional control characters.")
                .Says("refusal.clerk.reasonCharacters")
            : null;

    private static Refusal Forbidden(string[] roles) =>
        Refusal
            .Forbidden($"This needs agency staff with one of the roles {string.Join(", ", roles)}.")
            .Says("refusal.clerk.roles");

    private static Refusal? NotTheirs(Delivery delivery, Caller caller) =>
        ClerkRules.ActsOn(delivery, caller)
            ? null
            : Refusal
                .Forbidden(
                    "Only the executor the letter is assigned to, the head or the agency admin may answer or close it."
                )
                .Says("refusal.clerk.notAssigned");
}
