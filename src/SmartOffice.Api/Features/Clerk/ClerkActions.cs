using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Clerk;

/// <summary>
/// The state changes of a delivery inside the recipient agency. Each one commits with its sealed evidence (which the
/// sender can download) and its webhook event, then is audited and archived.
/// </summary>
internal sealed class ClerkActions(ExchangeDbContext db, EvidenceWriter evidence, AuditLog audit, LetterArchiver archiver, Live.SenderNotifier notifier, IConfiguration configuration, WorkingCalendar calendar, ServiceClock clock)
{
    private static readonly string[] Registrars = AccessPolicy.RolesOf(Audience.Registrar);
    private static readonly DeliveryState[] Received = [DeliveryState.Delivered, DeliveryState.Opened];
    private static readonly string[] Answerers = AccessPolicy.RolesOf(Audience.Executor);
    private static readonly string[] Reporters = AccessPolicy.RolesOf(Audience.Reporter);

    /// <summary>Longest close or report reason kept.</summary>
    public const int MaxReasonLength = 4000;

    public async Task<Results<Ok<ClerkActionResult>, ProblemHttpResult>> RegisterAsync(Guid letterId, Caller caller, CancellationToken cancellationToken)
    {
        var (delivery, letter, problem) = await LoadAsync(letterId, caller, Registrars, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!Received.Contains(delivery!.State))
        {
            return Conflict($"the letter is {delivery.State}; only a delivered or opened letter is registered");
        }

        var now = clock.Now;
        for (var attempt = 0; ; attempt++)
        {
            var prefix = $"{clock.DateOf(now).Year}/";
            var taken = await db.Deliveries.CountAsync(d => d.RecipientOrganizationId == caller.OrganizationId && d.IncomingNumber != null && d.IncomingNumber.StartsWith(prefix), cancellationToken);
            delivery.IncomingNumber = $"{prefix}{taken + 1:D5}";
            delivery.RegisteredAt = now;
            delivery.State = DeliveryState.Registered;
            try
            {
                return await CommitAsync(letter!, delivery, caller, EvidenceEvents.Registration, "registered", new() { ["incomingNumber"] = delivery.IncomingNumber }, cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < 50)
            {
                // Another registrar took the number: count again.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    public async Task<Results<Ok<ClerkActionResult>, ProblemHttpResult>> AssignAsync(Guid letterId, AssignRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var (delivery, letter, problem) = await LoadAsync(letterId, caller, Registrars, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (delivery!.State is not (DeliveryState.Registered or DeliveryState.Assigned))
        {
            return Conflict("register the letter before assigning it");
        }

        var executor = await db.StaffUsers.FirstOrDefaultAsync(u => u.OrganizationId == caller.OrganizationId && u.UserName == request.Executor && !u.IsDisabled, cancellationToken);
        if (executor is null || !(executor.HasRole(StaffRoles.Executor) || executor.HasRole(StaffRoles.Head)))
        {
            return Problems.Validation("executor must be the user name of an executor or head of your agency.");
        }

        var today = clock.Today;
        var due = request.DueDate ?? await DefaultDueDateAsync(caller, cancellationToken);
        if (due < today)
        {
            return Problems.Validation("the due date is in the past.");
        }

        (delivery.AssignedToUserId, delivery.DueDate, delivery.State) = (executor.Id, due, DeliveryState.Assigned);
        return await CommitAsync(letter!, delivery, caller, EvidenceEvents.Assignment, "assigned", new() { ["dueDate"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["executor"] = executor.DisplayName }, cancellationToken);
    }

    public async Task<Results<Ok<ClerkActionResult>, ProblemHttpResult>> AnswerAsync(Guid letterId, AnswerRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var (delivery, letter, problem) = await LoadAsync(letterId, caller, Answerers, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (NotTheirs(delivery!, caller) is { } notTheirs)
        {
            return notTheirs;
        }

        if (delivery!.State is not (DeliveryState.Registered or DeliveryState.Assigned))
        {
            return Conflict($"the letter is {delivery.State}; register it before answering");
        }

        var reply = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.ReplyLetterId && l.SenderOrganizationId == caller.OrganizationId && l.InReplyToLetterId == letterId, cancellationToken);
        if (reply is null)
        {
            return Problems.Validation("replyLetterId must be a letter your agency sent with inReplyTo set to this letter.");
        }

        (delivery.ReplyLetterId, delivery.AnsweredAt, delivery.State) = (reply.Id, clock.Now, DeliveryState.Answered);
        return await CommitAsync(letter!, delivery, caller, EvidenceEvents.Answer, "answered", new() { ["replyLetterId"] = reply.Id.ToString() }, cancellationToken);
    }

    public async Task<Results<Ok<ClerkActionResult>, ProblemHttpResult>> CloseAsync(Guid letterId, ReasonRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var (delivery, letter, problem) = await LoadAsync(letterId, caller, Answerers, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (NotTheirs(delivery!, caller) is { } notTheirs)
        {
            return notTheirs;
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            return Problems.Validation($"a reason of at most {MaxReasonLength} characters is required.");
        }

        if (delivery!.State is not (DeliveryState.Registered or DeliveryState.Assigned))
        {
            return Conflict($"the letter is {delivery.State}; only a registered letter that is not answered or closed can be closed");
        }

        (delivery.ClosedAt, delivery.CloseReason, delivery.State) = (clock.Now, request.Reason.Trim(), DeliveryState.Closed);
        return await CommitAsync(letter!, delivery, caller, "Closure", "closed", new() { ["reason"] = delivery.CloseReason }, cancellationToken);
    }

    public async Task<Results<Ok<ClerkActionResult>, ProblemHttpResult>> ReportAsync(Guid letterId, ReasonRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var (delivery, letter, problem) = await LoadAsync(letterId, caller, Reporters, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            return Problems.Validation($"the reason may have at most {MaxReasonLength} characters.");
        }

        delivery!.IsReported = true;
        var reason = $"letter {letterId} reported by {caller.RegistryNumber}: {request.Reason ?? "advertising or abuse"}";
        await db.Accounts.Where(a => a.OrganizationId == letter!.SenderOrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsFlagged, true).SetProperty(a => a.FlagReason, reason.Length > 1000 ? reason[..1000] : reason), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(caller.Actor, caller.RegistryNumber, "letter.reported", letterId.ToString(), details: request.Reason, cancellationToken: cancellationToken);
        return TypedResults.Ok(new ClerkActionResult(letterId, LetterAccess.ToStatus(delivery, null)));
    }

    private async Task<(Delivery? Delivery, Letter? Letter, ProblemHttpResult? Problem)> LoadAsync(Guid letterId, Caller caller, string[] roles, CancellationToken cancellationToken)
    {
        if (caller.StaffUserId is null || !roles.Any(caller.HasRole))
        {
            return (null, null, Problems.Forbidden($"This needs agency staff with one of the roles {string.Join(", ", roles)}."));
        }

        var delivery = await db.Deliveries.Include(d => d.Letter)
            .FirstOrDefaultAsync(d => d.LetterId == letterId && d.RecipientOrganizationId == caller.OrganizationId && d.State != DeliveryState.Queued && d.State != DeliveryState.NotDelivered, cancellationToken);
        return delivery is null ? (null, null, Problems.NotFound()) : (delivery, delivery.Letter, null);
    }

    private async Task<Results<Ok<ClerkActionResult>, ProblemHttpResult>> CommitAsync(Letter letter, Delivery delivery, Caller caller, string evidenceEvent, string webhookEvent, Dictionary<string, string> details, CancellationToken cancellationToken)
    {
        await evidence.AddAsync(db, new EvidenceDocument
        {
            Event = evidenceEvent, EventTime = clock.Now, Issuer = evidence.Issuer, Sender = letter.SenderRegistryNumber, Recipient = delivery.RecipientRegistryNumber,
            LetterId = letter.Id, SubmissionTime = letter.SubmittedAt, DocumentSha256 = letter.DocumentSha256, Details = details,
        }, cancellationToken);
        await WebhookEvents.RaiseAsync(db, letter.SenderOrganizationId, webhookEvent, new { letterId = letter.Id, recipient = delivery.RecipientRegistryNumber, details }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(caller.Actor, caller.RegistryNumber, $"letter.{webhookEvent}", letter.Id.ToString(), details: string.Join("; ", details.Select(d => $"{d.Key}={d.Value}")), cancellationToken: cancellationToken);
        await archiver.RecordAsync(letter.Id, cancellationToken);
        await notifier.TellAsync(letter, delivery, cancellationToken);
        return TypedResults.Ok(new ClerkActionResult(letter.Id, LetterAccess.ToStatus(delivery, null)));
    }

    /// <summary>Today plus the agency's working days (its own setting, else Deadlines:DefaultWorkingDays).</summary>
    public async Task<DateOnly> DefaultDueDateAsync(Caller caller, CancellationToken cancellationToken)
    {
        var agencyDays = await db.Organizations.Where(o => o.Id == caller.OrganizationId).Select(o => o.DueWorkingDays).SingleAsync(cancellationToken);
        return calendar.AddWorkingDays(clock.Today, agencyDays ?? Agency.AgencySettingsEndpoints.DefaultDueWorkingDays(configuration));
    }

    // An executor acts only on the letters assigned to them; the head and the agency admin on any.
    private static ProblemHttpResult? NotTheirs(Delivery delivery, Caller caller) =>
        caller.HasRole(StaffRoles.Head) || caller.HasRole(StaffRoles.Admin) || delivery.AssignedToUserId == caller.StaffUserId
            ? null
            : Problems.Forbidden("Only the executor the letter is assigned to, the head or the agency admin may answer or close it.");

    private static ProblemHttpResult Conflict(string detail) => Problems.Create(StatusCodes.Status409Conflict, "invalid_state", "Not possible in this state", detail);
}
