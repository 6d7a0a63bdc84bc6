using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartOffice.Api.Pages;

/// <summary>The page shown for a bare status code on a workspace path (404, 403, 500).</summary>
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int status) => Status = status;
}
