using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Pages.Account;

/// <summary>
/// POST /logout ends the session (a form with an antiforgery token, so no other site can log a user out).
/// </summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await WorkspaceSession.SignOutAsync(HttpContext);
        return Redirect("/login");
    }
}
