using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Auth;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing;

namespace SmartOffice.Api.Pages.Account;

/// <summary>
/// Login: a company signs a fresh challenge with its e-Token in the browser (wwwroot/js/login.js; the key never leaves
/// the user's computer), agency staff use their user name and password. Both go through the same checks as the API.
/// </summary>
internal sealed class LoginModel(ExchangeDbContext db, UiText text) : WorkspacePage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? UserName { get; private set; }

    public string? Error { get; private set; }

    /// <summary>
    /// A single-use nonce for the browser to sign (same table and lifetime as POST /api/auth/challenge).
    /// </summary>
    public async Task<IActionResult> OnPostChallengeAsync(
        [FromServices] IOptions<AuthOptions> options,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        return new JsonResult(await AuthChallenges.CreateAsync(db, options.Value, time, cancellationToken));
    }

    public async Task<IActionResult> OnPostCertificateAsync(
        string? nonce,
        string? signature,
        [FromServices] PdfSignatureValidator validator,
        [FromServices] AccountProvisioner accounts,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var outcome = await CertificateLogin.AuthenticateAsync(
            new TokenRequest(nonce, signature),
            db,
            validator,
            accounts,
            time,
            cancellationToken
        );
        return await FinishAsync(outcome, text["login.certificateRefused"]);
    }

    public async Task<IActionResult> OnPostPasswordAsync(
        string? userName,
        string? password,
        CancellationToken cancellationToken
    )
    {
        UserName = userName;
        var throttle = HttpContext.RequestServices.GetRequiredService<PasswordThrottle>();
        var outcome = await PasswordLogin.AuthenticateAsync(
            new PasswordLoginRequest(userName, password),
            ClientAddress.Key(HttpContext),
            db,
            throttle,
            cancellationToken
        );
        return await FinishAsync(outcome, text["login.passwordRefused"]);
    }

    private async Task<IActionResult> FinishAsync(LoginOutcome outcome, string refusedPrefix)
    {
        if (outcome.Refusal is { } refusal)
        {
            Error = $"{refusedPrefix} {RefusalText(refusal)}";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await WorkspaceSession.SignInAsync(HttpContext, outcome);
        return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
    }
}
