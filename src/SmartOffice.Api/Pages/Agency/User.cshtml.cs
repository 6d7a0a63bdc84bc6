using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Features.Agency;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Pages.Agency;

/// <summary>
/// One staff member of the admin's own agency: name, roles, password reset, login certificate, disabled.
/// </summary>
[Authorize(Policy = WorkspacePolicies.AgencyAdmin)]
internal sealed class UserModel(ExchangeDbContext db, AgencyStaff staff, UiText text) : WorkspacePage
{
    public StaffUser StaffUser { get; private set; } = null!;

    public bool IsSelf => StaffUser.Id == Caller.StaffUserId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // Another agency's user is "not found", never "forbidden": its existence is not ours to tell.
        var user = await db
            .StaffUsers.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == id && u.OrganizationId == Caller.OrganizationId, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        StaffUser = user;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        Guid id,
        string? displayName,
        string[] roles,
        string? password,
        IFormFile? certificateFile,
        bool removeCertificate,
        bool isDisabled,
        CancellationToken cancellationToken
    )
    {
        var request = new SaveStaffUserRequest(
            null,
            displayName,
            roles,
            string.IsNullOrEmpty(password) ? null : password,
            removeCertificate ? "" : null,
            isDisabled,
            await StaffCertificateUpload.ReadAsync(certificateFile, cancellationToken)
        );
        var updated = await staff.UpdateAsync(Caller, id, request, cancellationToken);
        if (RefusalText(updated.Refusal) is { } problem)
        {
            Failure = $"{text["agency.refused"]} {problem}";
            return RedirectToPage(new { id });
        }

        Notice = text["agency.userSaved"];
        return RedirectToPage("/Agency/Index");
    }
}
