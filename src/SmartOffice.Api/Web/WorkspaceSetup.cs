using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Api.Web;

/// <summary>
/// The browser workspace: Razor Pages under Pages/, its session cookie, its two languages, its static files.
/// </summary>
public static class WorkspaceSetup
{
    public static readonly CultureInfo[] Cultures = [new("mn-MN"), new("en-US")];

    public static void AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<UiText>();
        services.AddSingleton<DateText>();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", WorkspacePolicies.Member);
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/Denied");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToFolder("/Verify");
            options.Conventions.AddPageApplicationModelConvention("/Account/Login", model =>
                model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimiting.LoginPolicy))
            );
        });
        services.AddResponseCompression(options => options.EnableForHttps = true);
        services.AddAuthentication().AddCookie(WorkspaceSession.Scheme, WorkspaceSession.Configure);
        // The session cookie travels over HTTPS only, except in development or where explicitly allowed (a test host).
        services
            .AddOptions<CookieAuthenticationOptions>(WorkspaceSession.Scheme)
            .Configure<IWebHostEnvironment>(
                (options, environment) =>
                    options.Cookie.SecurePolicy =
                        environment.IsDevelopment() || configuration.GetValue<bool>("Workspace:AllowInsecureCookies")
                            ? CookieSecurePolicy.SameAsRequest
                            : CookieSecurePolicy.Always
            );
        // Sessions survive restarts; several Api instances must share this folder (or another key store).
        var keys = configuration["DataProtection:KeysPath"]
            ?? Path.Combine(configuration["Data:Path"] ?? "data", "keys");
        var protection = services
            .AddDataProtection()
            .SetApplicationName("SmartOffice")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            // Keys at rest encrypted with the operator's certificate (a PFX with its private key).
            protection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                    certificate,
                    configuration["DataProtection:CertificatePassword"]
                )
            );
        }
        services
            .AddAuthorizationBuilder()
            .AddPolicy(WorkspacePolicies.Member, policy =>
                policy.AddAuthenticationSchemes(WorkspaceSession.Scheme).RequireClaim(Caller.OrganizationClaim)
            )
            .AddPolicy(WorkspacePolicies.Staff, policy =>
                policy.AddAuthenticationSchemes(WorkspaceSession.Scheme).RequireClaim(Caller.StaffClaim)
            )
            .AddPolicy(WorkspacePolicies.AgencyAdmin, policy =>
                policy
                    .AddAuthenticationSchemes(WorkspaceSession.Scheme)
                    .RequireClaim(Caller.RoleClaim, AccessPolicy.RolesOf(Audience.AgencyAdmin))
            )
            .AddPolicy(WorkspacePolicies.ServiceAdmin, policy =>
                policy
                    .AddAuthenticationSchemes(WorkspaceSession.Scheme)
                    .RequireClaim(Caller.RoleClaim, AccessPolicy.RolesOf(Audience.ServiceAdmin))
            );
    }

    /// <summary>
    /// Static files and the language of every page (not of the API, whose JSON is culture-invariant).
    /// </summary>
    public static void UseWorkspace(this WebApplication app)
    {
        // Scripts and styles are compressed; pages are not, since they carry antiforgery tokens (BREACH).
        app.UseWhen(
            context =>
                context.Request.Path.StartsWithSegments("/js")
                || context.Request.Path.StartsWithSegments("/css")
                || context.Request.Path.StartsWithSegments("/lib"),
            files => files.UseResponseCompression()
        );
        app.UseStaticFiles();
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
        };
        // Mongolian first: only the user's explicit choice (cookie or ?culture=) switches to English, not the browser's
        // default.
        localization.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseRequestLocalization(localization)
        );
    }

    /// <summary>Everything but the API, the live hub, health and OpenAPI is a page of the workspace.</summary>
    public static bool IsPageRequest(PathString path) =>
        !(
            path.StartsWithSegments("/api")
            || path.StartsWithSegments("/hubs")
            || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/openapi")
        );

    internal static bool IsLocalPath(string? url) =>
        url is { Length: > 0 and < 2048 }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(char.IsControl);

    public static void MapWorkspace(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapLetterFiles();
        Features.Receipts.ReceiptEndpoints.MapReceiptFiles(app);
        // Browsers ask for /favicon.ico whatever the page links; the one icon is the SVG.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous();
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext context) =>
            {
                var chosen = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? Cultures[0];
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions
                    {
                        Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                        SameSite = SameSiteMode.Lax,
                        HttpOnly = true,
                        IsEssential = true,
                    }
                );
                // Only a path of this site: anything else (another host, "/\\host", control characters) goes home.
                return Results.Redirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
