using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Agency;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Pages.Workload;

/// <summary>The head's view of the work: each executor's open and late letters, and a reminder button.</summary>
[Authorize(Policy = WorkspacePolicies.Staff)]
internal sealed class IndexModel(Features.Agency.Workload workload, UiText text) : WorkspacePage
{
    public IReadOnlyList<ExecutorLoad> Loads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Features.Agency.Workload.MaySee(Caller))
        {
            return Forbid();
        }

        Loads = await workload.LoadsAsync(Caller, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid executor, CancellationToken cancellationToken)
    {
        var outcome = await workload.RemindAsync(Caller, executor, cancellationToken);
        if (RefusalText(outcome.Refusal) is { } problem)
        {
            Failure = $"{text["letter.refused"]} {problem}";
        }
        else
        {
            Notice = text.Format("workload.reminded", outcome.Value);
        }

        return RedirectToPage();
    }
}
