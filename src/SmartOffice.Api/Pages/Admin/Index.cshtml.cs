using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Admin;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Audit;
using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Admin;

/// <summary>
/// The service administrator's desk: accounts flagged by recipients (advertising, abuse) first, suspension, the trust
/// list's state and, on demand, a check of the audit chain. Same services as /api/admin.
/// </summary>
[Authorize(Policy = WorkspacePolicies.ServiceAdmin)]
internal sealed class IndexModel(AccountAdministration accounts, AuditLog audit, PdfSignatureValidator validator, UiText text) : WorkspacePage
{
    /// <summary>flagged (default), suspended or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "flagged";

    public IReadOnlyList<AccountItem> Accounts { get; private set; } = [];

    public TrustSummary Trust { get; private set; } = null!;

    public AuditVerification? AuditCheck { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSuspendAsync(string registryNumber, bool suspend, CancellationToken cancellationToken)
    {
        var refusal = await accounts.SetSuspendedAsync(Caller, registryNumber, suspend, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (RefusalText(refusal) is { } problem)
        {
            Failure = $"{text["admin.refused"]} {problem}";
        }
        else
        {
            Notice = text.Format(suspend ? "admin.suspended" : "admin.unsuspended", registryNumber);
        }

        return RedirectToPage(new { Show });
    }

    /// <summary>Walks the whole audit chain; on demand only, because it reads every line.</summary>
    public async Task<IActionResult> OnPostVerifyAuditAsync(CancellationToken cancellationToken)
    {
        AuditCheck = await audit.VerifyAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (flagged, suspended) = Show switch
        {
            "suspended" => ((bool?)null, (bool?)true),
            "all" => (null, null),
            _ => (true, null),
        };
        Accounts = await accounts.ListAsync(flagged, suspended, cancellationToken);
        Trust = TrustSummary.Of(validator);
    }
}
