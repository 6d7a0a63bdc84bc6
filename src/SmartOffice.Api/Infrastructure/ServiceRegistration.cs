using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Features.Admin;
using SmartOffice.Api.Features.Agency;
using SmartOffice.Api.Features.Auth;
using SmartOffice.Api.Features.Health;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Api.Features.Organizations;
using SmartOffice.Api.Outbox;
using SmartOffice.Api.Telemetry;
using SmartOffice.Api.Web;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Hosting;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Telemetry;
using SmartOffice.LetterDelivery;
using SmartOffice.Signing;
using SmartOffice.Signing.Trust;

namespace SmartOffice.Api.Infrastructure;

/// <summary>Everything the Api registers and maps, so Program.cs stays a few lines.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddSmartOfficeApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        EmbeddedDefaults.Apply(builder.Configuration, builder.Environment);
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line outside development, with scopes (letter id, trace id) for log collectors.
            builder.Logging.ClearProviders().AddJsonConsole(options => options.IncludeScopes = true);
        }

        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSmartOfficeCore(configuration, "smartoffice-api");
        // The consumer joins this process's bus only on the embedded default (AddBus); RabbitMQ deployments run
        // Workers.
        services.AddSmartOfficeDelivery();
        services.AddSingleton<ServiceClock>();
        services.AddApiOptions();
        // Read configuration when resolved, not here: hosts and tests add their settings after this runs.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SignatureValidationOptions>>().Value;
            // The service's own seals sign evidence, never letters.
            var seals = sp.GetRequiredService<EvidenceSealer>()
                .OwnCertificates.Select(c =>
                    c.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)
                );
            return new PdfSignatureValidator(
                options with
                {
                    RefusedSignerThumbprints = [.. options.RefusedSignerThumbprints, .. seals],
                },
                TrustMaterial.Load(options),
                sp.GetRequiredService<TimeProvider>()
            );
        });

        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<PasswordThrottle>();
        services.AddSingleton<Pages.Verify.VerifyGate>();
        services.AddScoped<AccountProvisioner>();
        services.AddScoped<LetterSubmission>();
        services.AddScoped<Features.Clerk.ClerkActions>();
        services.AddScoped<Features.Clerk.LetterForwarding>();
        services.AddScoped<Features.Agency.AgencySettingsService>();
        services.AddScoped<Features.Agency.AgencyStaff>();
        services.AddScoped<Features.Agency.Workload>();
        services.AddScoped<Features.Webhooks.WebhookSettingsService>();
        services.AddScoped<Features.Admin.AccountAdministration>();
        services.AddSingleton<Features.Clerk.WorkingCalendar>();
        services.AddScoped<Features.Live.SenderNotifier>();
        services.AddScoped<Features.Letters.DocumentReader>();
        services.AddScoped<Exchange.Receipts.DeliveryReceiptReader>();
        services.AddScoped<Exchange.Receipts.ReceiptVerifier>();
        services.AddSingleton<Exchange.Receipts.ReceiptSealer>();
        services.AddScoped<Features.Receipts.ReceiptIssuer>();
        services.AddScoped<Features.Letters.ReceivedLetters>();
        services.AddScoped<Features.Letters.SentLetters>();
        services.AddScoped<Pages.Sent.SentTimelines>();
        services.AddScoped<Features.Stats.AgencyStatistics>();
        services.AddSingleton<OutboxSignal>();
        services.AddApiTelemetry();
        services.AddHostedService<OutboxPublisher>();
        services.AddSingleton<Housekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        services.AddSingleton<SearchTextBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchTextBackfill>());
        services.AddSingleton<StuckLetterSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StuckLetterSweeper>());
        services.AddSingleton<CrlRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<CrlRefresher>());

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCodeFallback.AddMissingCode);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // A parameter that does not bind (a date that is not a date, a JSON body of the wrong shape) throws, so the
        // problem says which one (detail) instead of a bare "Bad Request".
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options =>
            options.ThrowOnBadRequest = true
        );
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddSignalR();
        // Mongolian Cyrillic is written as text, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.All
            )
        );
        services.AddSmartOfficeHealthChecks();
        services.AddSmartOfficeRateLimits();
        AddAuthentication(services);
        services.AddWorkspace(configuration);
        AddBus(services, configuration);
        // The largest request is a letter with its attachments at their limits, plus the form around them.
        builder.WebHost.ConfigureKestrel(
            (context, kestrel) =>
                kestrel.Limits.MaxRequestBodySize =
                    (
                        context
                            .Configuration.GetSection(SignatureValidationOptions.SectionName)
                            .Get<SignatureValidationOptions>()
                            ?.MaxFileBytes
                        ?? new SignatureValidationOptions().MaxFileBytes
                    )
                    + (
                        context.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>()
                        ?? new LimitsOptions()
                    ).MaxAttachmentBytes
                    + (1024 * 1024)
        );
        return builder;
    }

    public static WebApplication MapSmartOfficeApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // The API answers bare status codes as problem details; the workspace's pages show their own error page.
        app.UseWhen(context => !WorkspaceSetup.IsPageRequest(context.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(
            context => WorkspaceSetup.IsPageRequest(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}")
        );
        app.UseWorkspace();
        // Routing after the status-code pages, so a re-executed /error/404 is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAccessPolicy();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapScrapeEndpoint();
        app.MapAuthApi();
        app.MapOrganizationsApi();
        app.MapLettersApi();
        app.MapMailboxApi();
        app.MapAdminApi();
        app.MapAgencyApi();
        Features.Stats.StatsEndpoints.MapStatsApi(app);
        Features.Webhooks.WebhookEndpoints.MapWebhookApi(app);
        app.MapHub<Features.Live.MailboxHub>("/hubs/mailbox");
        Features.Clerk.ClerkActionEndpoints.MapClerkApi(app);
        Features.Archive.ArchiveEndpoints.MapArchiveApi(app);
        app.MapWorkspace();
        return app;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services
            .AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>>(
                (options, keys, auth) =>
                {
                    options.MapInboundClaims = false;
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = auth.Value.Issuer,
                        ValidAudience = auth.Value.Issuer,
                        IssuerSigningKey = keys.Key,
                        RoleClaimType = Caller.RoleClaim,
                        NameClaimType = "sub",
                        ClockSkew = TimeSpan.FromSeconds(30),
                    };
                    options.Events = new JwtBearerEvents
                    {
                        OnChallenge = async context =>
                        {
                            context.HandleResponse();
                            await Problems
                                .Create(
                                    StatusCodes.Status401Unauthorized,
                                    RefusalCodes.Unauthorized,
                                    "Authentication required",
                                    "Log in with your organization's certificate (POST /api/auth/challenge, then "
                                        + "/api/auth/token) and send the bearer token."
                                )
                                .ExecuteAsync(context.HttpContext);
                        },
                        OnForbidden = context =>
                            Problems.Forbidden("Your role does not allow this.").ExecuteAsync(context.HttpContext),
                        OnTokenValidated = async context =>
                        {
                            var db = context.HttpContext.RequestServices.GetRequiredService<ExchangeDbContext>();
                            if (
                                await SessionValidator.ProblemAsync(
                                    context.Principal!,
                                    db,
                                    context.HttpContext.RequestAborted
                                ) is
                                { } problem
                            )
                            {
                                context.Fail(problem);
                            }
                        },
                        OnMessageReceived = context =>
                        {
                            // Browsers cannot set headers on WebSockets: the hub takes the token from the query string.
                            if (
                                context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                                && context.Request.Query["access_token"] is { Count: > 0 } token
                            )
                            {
                                context.Token = token;
                            }

                            return Task.CompletedTask;
                        },
                    };
                }
            );
        var authorization = services.AddAuthorizationBuilder();
        Features.Archive.ArchiveEndpoints.AddPolicy(authorization);
        authorization
            .AddPolicy(AdminEndpoints.Policy, policy =>
                policy.RequireClaim(Caller.RoleClaim, AccessPolicy.RolesOf(Audience.ServiceAdmin))
            )
            .AddPolicy(AgencyUserEndpoints.Policy, policy =>
                policy.RequireClaim(Caller.RoleClaim, AccessPolicy.RolesOf(Audience.AgencyAdmin))
            );
    }

    private static void AddBus(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // Live updates reach the browsers connected to this instance: each instance has its own temporary queue
            // (an exclusive queue shared by name would keep every instance but the first from becoming ready).
            var instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20];
            bus.AddConsumer<Features.Live.LetterDeliveredNotifier>()
                .Endpoint(endpoint => (endpoint.Temporary, endpoint.InstanceId) = (true, instance));
            bus.AddConsumer<Features.Live.LetterStateChangedNotifier>()
                .Endpoint(endpoint => (endpoint.Temporary, endpoint.InstanceId) = (true, instance));
            if (!string.Equals(configuration["Messaging:Transport"], "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                // The embedded default hosts the Worker's consumers in this process.
                bus.AddDeliveryConsumer();
            }

            bus.UsingSmartOfficeTransport(configuration);
        });
    }
}
