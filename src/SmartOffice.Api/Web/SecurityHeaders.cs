namespace SmartOffice.Api.Web;

/// <summary>
/// Response headers that keep browsers from being turned against the workspace: a Content-Security-Policy with no
/// inline script (the pages load only their own files), framing by this site only (the letter page shows the PDF in a
/// frame), no MIME sniffing, no referrer to other sites, and HSTS on HTTPS outside development.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; "
        + "frame-src 'self'; object-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /// <summary>For files a browser should never run anything from (a PDF saved or fetched by the API).</summary>
    public const string SandboxPolicy = "sandbox";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(
            async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "SAMEORIGIN";
                    headers["Referrer-Policy"] = "same-origin";
                    if (!headers.ContainsKey("Content-Security-Policy"))
                    {
                        headers.ContentSecurityPolicy = PagePolicy;
                    }

                    return Task.CompletedTask;
                });
                await next(context);
            }
        );
    }
}
