using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartOffice.Api.Auth;

namespace SmartOffice.Api.Web;

/// <summary>Base of the workspace's pages: who is logged in, and the plain-words message of a refused action.</summary>
public abstract class WorkspacePage : PageModel
{
    /// <summary>The logged-in organization or staff member (pages under the Member policy always have one).</summary>
    public Caller Caller =>
        Caller.From(User) ?? throw new InvalidOperationException("The page needs a logged-in caller.");

    public bool IsStaff => Caller.From(User)?.StaffUserId is not null;

    /// <summary>Shown once after a redirect (post/redirect/get), e.g. "Registered as 2026/00042".</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shown once after a redirect when an action was refused.</summary>
    [TempData]
    public string? Failure { get; set; }

    /// <summary>
    /// The page's script sent a form with fetch and asks for the verdict alone (X-Partial: 1), so a refused form's
    /// file stays chosen (a file input cannot be refilled after a reload); without the script, the whole page.
    /// </summary>
    protected bool IsPartial => Request.Headers["X-Partial"] == "1";

    /// <summary>
    /// A refusal in the page's language (see <see cref="RefusalWords"/>); null when nothing was refused.
    /// </summary>
    protected string? RefusalText(Refusal? refusal) =>
        refusal is null ? null : RefusalWords.Say(HttpContext.RequestServices.GetRequiredService<UiText>(), refusal);
}
