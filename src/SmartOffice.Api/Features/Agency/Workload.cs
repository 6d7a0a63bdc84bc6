using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Agency;

/// <summary>One executor's open letters: how many, how many late, and the latest of them by days.</summary>
public sealed record ExecutorLoad(
    Guid UserId,
    string UserName,
    string DisplayName,
    int Open,
    int Overdue,
    int MostDaysLate
);

/// <summary>
/// What a head of an agency sees of the work: the load of each executor, and a reminder to one about their late
/// letters, sent to the executor's workspace and to the agency's webhook, and written to the audit trail.
/// </summary>
internal sealed class Workload(ExchangeDbContext db, ServiceClock clock, AuditLog audit, TimeProvider time)
{
    public const string ReminderEvent = "reminder";

    public static bool MaySee(Caller caller) =>
        caller.IsAgency && caller.StaffUserId is not null && caller.HasRole(StaffRoles.Head);

    public async Task<List<ExecutorLoad>> LoadsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var open = await db
            .Deliveries.AsNoTracking()
            .Where(DeliveryRules.ReceivedBy(caller.OrganizationId))
            .Where(d => d.State == DeliveryState.Assigned && d.AssignedToUserId != null)
            .Select(d => new { d.AssignedToUserId, d.DueDate })
            .ToListAsync(cancellationToken);
        var byExecutor = open.ToLookup(d => d.AssignedToUserId);
        var staff = await db
            .StaffUsers.AsNoTracking()
            .Where(u => u.OrganizationId == caller.OrganizationId && !u.IsDisabled)
            .OrderBy(u => u.DisplayName)
            .ToListAsync(cancellationToken);
        return
        [
            .. staff
                .Where(u => u.HasRole(StaffRoles.Executor) || u.HasRole(StaffRoles.Head))
                .Select(u =>
                {
                    var mine = byExecutor[u.Id].ToList();
                    var late = mine.Where(d => d.DueDate < today)
                        .Select(d => today.DayNumber - d.DueDate!.Value.DayNumber);
                    return new ExecutorLoad(
                        u.Id,
                        u.UserName,
                        u.DisplayName,
                        mine.Count,
                        late.Count(),
                        late.DefaultIfEmpty(0).Max()
                    );
                })
                .OrderByDescending(l => l.Overdue)
                .ThenByDescending(l => l.Open),
        ];
    }

    /// <summary>Reminds an executor of each of their late letters; returns how many letters it names.</summary>
    public async Task<Outcome<int>> RemindAsync(Caller caller, Guid executorId, CancellationToken cancellationToken)
    {
        if (!MaySee(caller))
        {
            return Refusal.Forbidden("only the agency's head sends reminders.").Says("refusal.reminder.headsOnly");
        }

        var executor = await db.StaffUsers.FirstOrDefaultAsync(
            u => u.Id == executorId && u.OrganizationId == caller.OrganizationId,
            cancellationToken
        );
        if (executor is null)
        {
            return Refusal.NotFound("executor");
        }

        var today = clock.Today;
        var late = await db
            .Deliveries.AsNoTracking()
            .Where(DeliveryRules.ReceivedBy(caller.OrganizationId))
            .Where(d =>
                d.State == DeliveryState.Assigned
                && d.AssignedToUserId == executorId
                && d.DueDate != null
                && d.DueDate < today
            )
            .Select(d => new
            {
                d.LetterId,
                d.IncomingNumber,
                d.DueDate,
                d.Letter!.Subject,
            })
            .ToListAsync(cancellationToken);
        if (late.Count == 0)
        {
            return Refusal.InvalidState("the executor has no late letters.").Says("refusal.reminder.nothingLate");
        }

        var now = time.GetUtcNow();
        var from = await db
            .StaffUsers.Where(u => u.Id == caller.StaffUserId)
            .Select(u => u.DisplayName)
            .FirstAsync(cancellationToken);
        db.StaffNotifications.AddRange(
            late.Select(l => new StaffNotification
            {
                OrganizationId = caller.OrganizationId,
                StaffUserId = executorId,
                Kind = StaffNotification.Reminder,
                LetterId = l.LetterId,
                FromName = from,
                CreatedAt = now,
            })
        );
        await WebhookEvents.RaiseAsync(
            db,
            caller.OrganizationId,
            ReminderEvent,
            new
            {
                executor = executor.UserName,
                from = caller.Actor,
                letters = late.Select(l => new
                {
                    letterId = l.LetterId,
                    l.IncomingNumber,
                    l.Subject,
                    l.DueDate,
                }),
            },
            now,
            cancellationToken
        );
        audit.Stage(
            db,
            caller.Actor,
            caller.RegistryNumber,
            "reminder.sent",
            executor.UserName,
            details: string.Join(',', late.Select(l => l.LetterId))
        );
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed();
        return late.Count;
    }
}
