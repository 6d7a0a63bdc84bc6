using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Features.Auth;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

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
    public const string SessionIdClaim = "sid";

    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after login, however active.</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(9);

    public static Task SignInAsync(HttpContext context, LoginOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var claims = outcome.Caller!.ToClaims().ToList();
        claims.Add(new Claim(DisplayNameClaim, outcome.DisplayName ?? outcome.Organization!.Name));
        claims.Add(new Claim(OrganizationNameClaim, outcome.Organization!.Name));
        claims.Add(new Claim(SessionIdClaim, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
        claims.Add(
            new Claim(Caller.LoginTimeClaim, Now(context).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
        );
        var identity = new ClaimsIdentity(claims, Scheme, DisplayNameClaim, Caller.RoleClaim);
        return context.SignInAsync(
            Scheme,
            new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false }
        );
    }

    /// <summary>
    /// Ends the session here and on the server: the cookie's id is remembered as ended, so a kept copy is refused.
    /// </summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Principal?.FindFirstValue(SessionIdClaim) is { } sessionId)
        {
            var db = context.RequestServices.GetRequiredService<ExchangeDbContext>();
            db.EndedSessions.Add(
                new EndedSession { SessionId = sessionId, ExpiresAt = Now(context) + AbsoluteTimeout }
            );
            await db.SaveChangesAsync(context.RequestAborted);
        }

        await context.SignOutAsync(Scheme);
    }

    private static DateTimeOffset Now(HttpContext context) =>
        context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var db = context.HttpContext.RequestServices.GetRequiredService<ExchangeDbContext>();
        var loginAt = long.TryParse(
            principal.FindFirstValue(Caller.LoginTimeClaim),
            CultureInfo.InvariantCulture,
            out var seconds
        )
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        var sessionId = principal.FindFirstValue(SessionIdClaim);
        if (
            Now(context.HttpContext) - loginAt > AbsoluteTimeout
            || sessionId is null
            || await db.EndedSessions.AnyAsync(s => s.SessionId == sessionId, context.HttpContext.RequestAborted)
            || await SessionValidator.ProblemAsync(principal, db, context.HttpContext.RequestAborted) is not null
        )
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    internal static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/login";
        options.AccessDeniedPath = "/denied";
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
    }
}
