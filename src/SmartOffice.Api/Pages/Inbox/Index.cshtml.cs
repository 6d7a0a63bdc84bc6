using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Features.Clerk;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Pages.Inbox;

/// <summary>
/// Letters received by the caller's organization. For an agency: new, in progress, overdue and done, with filters by
/// sender, dates, executor and a search; for a company: new and read. New arrivals are announced live.
/// </summary>
internal sealed class IndexModel(
    ExchangeDbContext db,
    ServiceClock clock,
    ReceivedLetters received,
    ClerkActions actions,
    UiText text
) : WorkspacePage
{
    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sender { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Executor { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public bool IsAgency => Caller.IsAgency;

    public bool IsHead => IsAgency && Caller.HasRole(StaffRoles.Head);

    /// <summary>Registrars select letters in the list to register or assign them together.</summary>
    public bool CanActInBulk => IsAgency && IsStaff && Caller.HasRole(StaffRoles.Registrar);

    /// <summary>At most this many letters in one bulk action: one page of the list.</summary>
    public const int MaxBulk = ReceivedLetters.PageSize;

    public DateOnly DefaultDueDate { get; private set; }

    /// <summary>A head's unread reminders to this user about late letters (read when the letter is opened).</summary>
    public IReadOnlyList<(Guid LetterId, string Subject, string From)> Reminders { get; private set; } = [];

    /// <summary>
    /// The tabs this user sees: "assigned to me" for those who execute, "due this week" for heads; the API serves all.
    /// </summary>
    public IReadOnlyList<string> Tabs { get; private set; } = [];

    public ReceivedFilter Filter { get; private set; } = null!;

    public ReceivedLetters.Page Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<StaffUser> Executors { get; private set; } = [];

    public IReadOnlyDictionary<string, string> SenderNames { get; private set; } = new Dictionary<string, string>();

    public string ExecutorName(Guid? id) =>
        id is { } known && Executors.FirstOrDefault(e => e.Id == known) is { } user ? user.DisplayName : "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        var executes = Caller.HasRole(StaffRoles.Executor) || Caller.HasRole(StaffRoles.Head);
        Tabs =
        [
            .. ReceivedFilter
                .TabsFor(IsAgency)
                .Where(t =>
                    t switch
                    {
                        ReceivedFilter.AssignedToMe => executes,
                        ReceivedFilter.DueThisWeek => Caller.HasRole(StaffRoles.Head),
                        _ => true,
                    }
                ),
        ];
        var tab = ReceivedFilter.TabsFor(IsAgency).Contains(Tab ?? "", StringComparer.Ordinal)
            ? Tab!
            : ReceivedFilter.LandingTab(IsAgency, Caller.HasRole);
        Filter = new ReceivedFilter(
            tab,
            Search?.Trim(),
            Sender?.Trim(),
            From,
            To,
            Mine ? Caller.StaffUserId : Executor,
            Mine && Caller.StaffUserId is not null
        );
        Result = await received.ReadAsync(
            Caller.OrganizationId,
            IsAgency,
            Filter,
            After,
            Today,
            cancellationToken,
            me: Caller.StaffUserId
        );
        if (IsAgency && IsStaff)
        {
            var staff = await db
                .StaffUsers.AsNoTracking()
                .Where(u => u.OrganizationId == Caller.OrganizationId)
                .OrderBy(u => u.DisplayName)
                .ToListAsync(cancellationToken);
            Executors = [.. staff.Where(u => u.HasRole(StaffRoles.Executor) || u.HasRole(StaffRoles.Head))];
        }

        if (IsAgency && Caller.StaffUserId is { } me)
        {
            Reminders =
            [
                .. (
                    await db
                        .StaffNotifications.AsNoTracking()
                        .Where(n => n.StaffUserId == me && n.ReadAt == null && n.LetterId != null)
                        .OrderByDescending(n => n.CreatedAt)
                        .Take(20)
                        .Join(
                            db.Letters,
                            n => n.LetterId,
                            l => l.Id,
                            (n, l) =>
                                new
                                {
                                    l.Id,
                                    l.Subject,
                                    n.FromName,
                                }
                        )
                        .ToListAsync(cancellationToken)
                ).Select(r => (r.Id, r.Subject, r.FromName)),
            ];
        }

        if (CanActInBulk)
        {
            DefaultDueDate = await actions.DefaultDueDateAsync(Caller, cancellationToken);
        }

        var senders = Result
            .Rows.Concat(Result.BestMatches ?? [])
            .Select(r => r.SenderRegistryNumber)
            .Distinct()
            .ToList();
        SenderNames = await db
            .Organizations.AsNoTracking()
            .Where(o => senders.Contains(o.RegistryNumber))
            .ToDictionaryAsync(o => o.RegistryNumber, o => o.Name, cancellationToken);
    }

    /// <summary>
    /// Registers, or registers and assigns, the selected letters: each letter is its own step with its own sealed
    /// evidence, as if done one by one; a refused letter is named and the others go through.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(
        List<Guid> ids,
        string? bulkAction,
        string? executor,
        DateOnly? dueDate,
        CancellationToken cancellationToken
    )
    {
        if (!CanActInBulk)
        {
            return Forbid();
        }

        var selected = ids.Distinct().Take(MaxBulk).ToList();
        if (selected.Count == 0 || bulkAction is not ("register" or "assign"))
        {
            Failure = text["inbox.bulk.nothing"];
            return RedirectToPage(new { tab = Tab });
        }

        var (done, refused) = (0, new List<string>());
        foreach (var id in selected)
        {
            var outcome = await actions.RegisterAsync(id, Caller, cancellationToken);
            var alreadyRegistered = outcome.Refusal?.Code == Exchange.Refusals.RefusalCodes.InvalidState;
            if (bulkAction == "assign" && (outcome.Refusal is null || alreadyRegistered))
            {
                outcome = await actions.AssignAsync(
                    id,
                    new AssignRequest(executor, dueDate),
                    Caller,
                    cancellationToken
                );
            }

            if (RefusalText(outcome.Refusal) is { } problem)
            {
                refused.Add($"{await SubjectAsync(id, cancellationToken)}: {problem}");
            }
            else
            {
                done++;
            }
        }

        Notice = done > 0 ? text.Format("inbox.bulk." + bulkAction, done) : null;
        Failure = refused.Count > 0 ? text["letter.refused"] + " " + string.Join("; ", refused) : null;
        return RedirectToPage(new { tab = Tab });
    }

    private async Task<string> SubjectAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Letters.Where(l => l.Id == id).Select(l => l.Subject).FirstOrDefaultAsync(cancellationToken)
        ?? id.ToString();
}
