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
    public const string InProgress = "progress";
    public const string Overdue = "overdue";
    public const string Done = "done";
    public static readonly IReadOnlyList<string> AgencyTabs = [New, InProgress, Overdue, Done];
    public static readonly IReadOnlyList<string> CompanyTabs = [New, Done];

    public DeliveryState? State { get; init; }

    public static IReadOnlyList<string> TabsFor(bool isAgency) => isAgency ? AgencyTabs : CompanyTabs;

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
