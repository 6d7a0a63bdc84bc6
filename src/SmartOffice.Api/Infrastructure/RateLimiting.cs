using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// Per-account submission limits (against advertising) and per-address login limits, answered as rate_limited.
/// </summary>
internal static class RateLimiting
{
    public const string SubmissionPolicy = "submissions";
    public const string LoginPolicy = "logins";
    public const string VerifyPolicy = "verifications";

    public static IServiceCollection AddSmartOfficeRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SubmissionPolicy, context =>
            {
                var limits = context
                    .RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitsOptions>>()
                    .Value;
                var caller = Caller.From(context.User);
                var key = caller?.RegistryNumber ?? ClientAddress.Key(context);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SubmissionsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.AddPolicy(LoginPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress.Key(context),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = 600,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }
                )
            );
            // The public verification page validates uploads for anyone: each address gets a modest number of checks.
            options.AddPolicy(VerifyPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress.Key(context),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = 60,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }
                    )
                    : RateLimitPartition.GetNoLimiter("pages")
            );
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(
                        CultureInfo.InvariantCulture
                    );
                }

                var problem = Problems.Create(
                    StatusCodes.Status429TooManyRequests,
                    RefusalCodes.RateLimited,
                    "Too many requests",
                    "This account has sent too many letters in a short time. Wait and try again; bulk mailing is "
                        + "not allowed."
                );
                await problem.ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
