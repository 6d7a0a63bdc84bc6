using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartOffice.Api.Auth;

namespace SmartOffice.Api.Pages;

/// <summary>
/// "/" sends each user to where their day starts: agency staff to the inbox, companies to their outbox, the service's
/// administrators to the administration page.
/// </summary>
public sealed class IndexModel : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var result = await HttpContext.AuthenticateAsync(Web.WorkspaceSession.Scheme);
        var caller = result.Succeeded ? Caller.From(result.Principal!) : null;
        return caller switch
        {
            null => Redirect("/login"),
            { StaffUserId: not null, Kind: Exchange.Organizations.OrganizationKind.Agency } => Redirect("/inbox"),
            { StaffUserId: not null, Kind: Exchange.Organizations.OrganizationKind.Service } => Redirect("/admin"),
            _ => Redirect("/outbox"),
        };
    }
}
