using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Auth;

namespace SmartOffice.Api.Web;

/// <summary>
/// The workspace's session: a cookie (HttpOnly, SameSite=Strict) carrying the same claims as an API token, so pages and
/// the API share <see cref="Caller"/> and every authorization check. Only pages and the live hub accept it: the API
/// takes bearer tokens only, so a cookie can never be used to call the API cross-site.
/// </summary>
public static class WorkspaceSession
{
    public const string Scheme = "Workspace";
    public const string CookieName = "so_session";
    public const string DisplayNameClaim = "name";
    public const string OrganizationNameClaim = "org_name";

    public static Task SignInAsync(HttpContext context, LoginOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var claims = outcome.Caller!.ToClaims().ToList();
        claims.Add(new Claim(DisplayNameClaim, outcome.DisplayName ?? outcome.Organization!.Name));
        claims.Add(new Claim(OrganizationNameClaim, outcome.Organization!.Name));
        var identity = new ClaimsIdentity(claims, Scheme, DisplayNameClaim, Caller.RoleClaim);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    internal static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/login";
        options.AccessDeniedPath = "/denied";
        options.ExpireTimeSpan = TimeSpan.FromHours(9);
        options.SlidingExpiration = true;
    }
}
