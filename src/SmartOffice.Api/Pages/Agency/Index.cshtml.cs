using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Api.Features.Agency;
using SmartOffice.Api.Features.Webhooks;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Pages.Agency;

/// <summary>
/// The agency admin's page: the answer deadline default, the staff and their roles, the webhook. Every change goes
/// through the same services as /api/agency and /api/webhook, so the rules (and the audit) are one.
/// </summary>
[Authorize(Policy = WorkspacePolicies.AgencyAdmin)]
internal sealed class IndexModel(
    AgencySettingsService settings,
    AgencyStaff staff,
    WebhookSettingsService webhooks,
    UiText text
) : WorkspacePage
{
    public AgencySettings Settings { get; private set; } = null!;

    public IReadOnlyList<StaffUserItem> Users { get; private set; } = [];

    public WebhookSettings Webhook { get; private set; } = null!;

    public static IReadOnlyList<string> GrantableRoles => AgencyRoles.Grantable;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = (await settings.GetAsync(Caller, cancellationToken)).Value!;
        Users = await staff.ListAsync(Caller, cancellationToken);
        Webhook = (await webhooks.GetAsync(Caller, cancellationToken)).Value!;
    }

    public async Task<IActionResult> OnPostSettingsAsync(int? dueWorkingDays, CancellationToken cancellationToken)
    {
        var refusal = await settings.SaveAsync(
            Caller,
            new SaveAgencySettingsRequest(dueWorkingDays),
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken
        );
        return Done(RefusalText(refusal), text["agency.settingsSaved"]);
    }

    public async Task<IActionResult> OnPostUserAsync(
        string? userName,
        string? displayName,
        string[] roles,
        string? password,
        IFormFile? certificateFile,
        CancellationToken cancellationToken
    )
    {
        var request = new SaveStaffUserRequest(
            userName,
            displayName,
            roles,
            string.IsNullOrEmpty(password) ? null : password,
            null,
            null,
            await StaffCertificateUpload.ReadAsync(certificateFile, cancellationToken)
        );
        var created = await staff.CreateAsync(Caller, request, cancellationToken);
        return Done(RefusalText(created.Refusal), text.Format("agency.userAdded", userName));
    }

    public async Task<IActionResult> OnPostWebhookAsync(
        string? url,
        string? secret,
        CancellationToken cancellationToken
    )
    {
        var refusal = await webhooks.SaveAsync(Caller, new WebhookRequest(url, secret), cancellationToken);
        return Done(RefusalText(refusal), text["agency.webhookSaved"]);
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
