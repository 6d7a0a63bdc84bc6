using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Agency;
using SmartOffice.Api.Features.Webhooks;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Pages.Agency;

/// <summary>
/// The agency admin's page: the answer deadline default, the staff and their roles, the webhook. Every change goes
/// through the same handlers as /api/agency and /api/webhook, so the rules (and the audit) are one.
/// </summary>
[Authorize(Policy = WorkspacePolicies.AgencyAdmin)]
internal sealed class IndexModel(ExchangeDbContext db, IConfiguration configuration, AuditLog audit, UiText text) : WorkspacePage
{
    public AgencySettings Settings { get; private set; } = null!;

    public IReadOnlyList<StaffUserItem> Users { get; private set; } = [];

    public WebhookSettings Webhook { get; private set; } = null!;

    public static IReadOnlyList<string> GrantableRoles => AgencyRoles.Grantable;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = ((Ok<AgencySettings>)(await AgencySettingsEndpoints.GetAsync(HttpContext, db, configuration, cancellationToken)).Result).Value!;
        Users = (await AgencyUserEndpoints.ListAsync(HttpContext, db, cancellationToken)).Value!;
        Webhook = ((Ok<WebhookSettings>)(await WebhookEndpoints.GetAsync(HttpContext, db, cancellationToken)).Result).Value!;
    }

    public async Task<IActionResult> OnPostSettingsAsync(int? dueWorkingDays, CancellationToken cancellationToken)
    {
        var result = await AgencySettingsEndpoints.SaveAsync(new SaveAgencySettingsRequest(dueWorkingDays), HttpContext, db, audit, cancellationToken);
        return Done(ProblemText(result.Result), text["agency.settingsSaved"]);
    }

    public async Task<IActionResult> OnPostUserAsync(
        string? userName, string? displayName, string[] roles, string? password, IFormFile? certificateFile, CancellationToken cancellationToken)
    {
        var request = new SaveStaffUserRequest(userName, displayName, roles, string.IsNullOrEmpty(password) ? null : password, null, null,
            await StaffCertificateUpload.ReadAsync(certificateFile, cancellationToken));
        var result = await AgencyUserEndpoints.CreateAsync(request, HttpContext, db, cancellationToken);
        return Done(ProblemText(result.Result), text.Format("agency.userAdded", userName));
    }

    public async Task<IActionResult> OnPostWebhookAsync(string? url, string? secret, CancellationToken cancellationToken)
    {
        var result = await WebhookEndpoints.PutAsync(new WebhookRequest(url, secret), HttpContext, db, cancellationToken);
        return Done(ProblemText(result.Result), text["agency.webhookSaved"]);
    }

    private RedirectToPageResult Done(string? problem, string notice)
    {
        if (problem is null)
        {
            Notice = notice;
        }
        else
        {
            Failure = $"{text["agency.refused"]} {problem}";
        }

        return RedirectToPage();
    }
}
