using System.Globalization;
using SmartOffice.Exchange.Letters;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Which received letters to list: a tab, filters and a search, the same for the inbox page (from its query string,
/// bookmarkable) and GET /api/inbox. Dates are days in the service's time zone; <see cref="State"/> narrows to one
/// delivery state.
/// </summary>
internal sealed record ReceivedFilter(
    string Tab,
    string? Search,
    string? Sender,
    DateOnly? From,
    DateOnly? To,
    Guid? Executor,
    bool Mine
)
{
    /// <summary>Every tab at once (the API's default).</summary>
    public const string All = "all";

    public const string New = "new";

    /// <summary>Registered, waiting for an executor.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>Assigned to the caller and not yet answered (overlaps the tabs by state).</summary>
    public const string AssignedToMe = "mine";

    /// <summary>Assigned, not late.</summary>
    public const string InProgress = "progress";

    /// <summary>Assigned, due within seven days from today (overlaps in progress).</summary>
    public const string DueThisWeek = "week";

    public const string Overdue = "overdue";
    public const string Done = "done";
    public static readonly IReadOnlyList<string> AgencyTabs =
    [
        New,
        Unassigned,
        AssignedToMe,
        InProgress,
        DueThisWeek,
        Overdue,
        Done,
        All,
    ];
    public static readonly IReadOnlyList<string> CompanyTabs = [New, Done, All];

    public DeliveryState? State { get; init; }

    public static IReadOnlyList<string> TabsFor(bool isAgency) => isAgency ? AgencyTabs : CompanyTabs;

    /// <summary>
    /// Where each role's day starts: a registrar on new letters, an executor on the letters assigned to them, a head
    /// on what is late; a company on its new letters.
    /// </summary>
    public static string LandingTab(bool isAgency, Func<string, bool> hasRole)
    {
        ArgumentNullException.ThrowIfNull(hasRole);
        return !isAgency ? New
            : hasRole(Exchange.Accounts.StaffRoles.Registrar) ? New
            : hasRole(Exchange.Accounts.StaffRoles.Head) ? Overdue
            : hasRole(Exchange.Accounts.StaffRoles.Executor) ? AssignedToMe
            : New;
    }

    /// <summary>The query string for this filter on another tab or page (cursor appended by the caller).</summary>
    public string ToQuery(string? tab = null, string? cursor = null)
    {
        var parts = new List<string> { $"tab={tab ?? Tab}" };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Search);
        Add("sender", Sender);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("executor", Executor?.ToString());
        Add("mine", Mine ? "true" : null);
        Add("after", cursor);
        return "?" + string.Join('&', parts);
    }
}
