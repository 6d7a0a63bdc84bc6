using Microsoft.AspNetCore.Authentication;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Web;

namespace SmartOffice.Api.Auth;

/// <summary>
/// Every routed request asks <see cref="AccessPolicy"/>: a route without a row is refused (deny by default), and a
/// logged-in caller outside the row's audience gets 403 (API) or the denied page (workspace). Callers not logged in
/// go on to the route's own authorization, which asks them to log in.
/// </summary>
internal static class AccessPolicyMiddleware
{
    public static void UseAccessPolicy(this WebApplication app) =>
        app.Use(
            async (context, next) =>
            {
                if (context.GetEndpoint() is not RouteEndpoint endpoint)
                {
                    await next(context);
                    return;
                }

                var rule = AccessPolicy.Find(context.Request.Method, endpoint.RoutePattern.RawText ?? "");
                if (rule is null)
                {
                    await Problems.Forbidden("This route has no access rule.").ExecuteAsync(context);
                    return;
                }

                if (rule.Audience == Audience.Anyone)
                {
                    await next(context);
                    return;
                }

                var isPage =
                    WorkspaceSetup.IsPageRequest(context.Request.Path)
                    && !context.Request.Path.StartsWithSegments("/hubs");
                var principal = isPage
                    ? (await context.AuthenticateAsync(WorkspaceSession.Scheme)).Principal
                    : context.User;
                if (
                    principal is not null
                    && Caller.From(principal) is { } caller
                    && !AccessPolicy.Admits(caller, rule.Audience)
                )
                {
                    if (isPage)
                    {
                        // The workspace's own answer: its denied page, as the cookie scheme sends there.
                        await context.ForbidAsync(WorkspaceSession.Scheme);
                    }
                    else
                    {
                        await Problems.Forbidden("Your role does not allow this.").ExecuteAsync(context);
                    }

                    return;
                }

                await next(context);
            }
        );
}
