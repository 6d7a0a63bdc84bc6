using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Api.Auth;
using SmartOffice.Api.Errors;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Auth;

public sealed record ChallengeResponse(string Nonce, DateTimeOffset ExpiresAt);

public sealed record TokenRequest(string? Nonce, string? Signature);

public sealed record PasswordLoginRequest(string? UserName, string? Password);

public sealed record OrganizationSummary(string RegistryNumber, string Name, string Kind);

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, OrganizationSummary Organization, IReadOnlyList<string> Roles);

/// <summary>POST /api/auth/challenge, /api/auth/token (certificate) and /api/auth/login (agency staff password).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimiting.LoginPolicy);
        group.MapPost("challenge", CreateChallengeAsync);
        group.MapPost("token", CertificateLogin.LoginAsync);
        group.MapPost("login", PasswordLoginAsync);
        return routes;
    }

    internal static async Task<Ok<ChallengeResponse>> CreateChallengeAsync(ExchangeDbContext db, IOptions<AuthOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var challenge = new AuthChallenge
        {
            Nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(options.Value.ChallengeLifetimeSeconds),
        };
        db.AuthChallenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ChallengeResponse(challenge.Nonce, challenge.ExpiresAt));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> PasswordLoginAsync(
        PasswordLoginRequest request, HttpContext context, ExchangeDbContext db, PasswordThrottle throttle, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var outcome = await AuthenticatePasswordAsync(request, ClientAddress.Key(context), db, throttle, cancellationToken);
        return outcome.Problem is { } problem ? problem : TypedResults.Ok(CertificateLogin.Respond(tokens, outcome.Caller!, outcome.Organization!));
    }

    internal static async Task<LoginOutcome> AuthenticatePasswordAsync(
        PasswordLoginRequest request, string address, ExchangeDbContext db, PasswordThrottle throttle, CancellationToken cancellationToken)
    {
        if (throttle.IsAddressBlocked(address))
        {
            return Problems.Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many failed logins",
                "Too many wrong passwords from this address. Wait 15 minutes, or log in with your certificate.");
        }

        var user = string.IsNullOrWhiteSpace(request.UserName) ? null
            : await db.StaffUsers.FirstOrDefaultAsync(u => u.UserName == request.UserName.Trim(), cancellationToken);
        var isLocked = user is not null && throttle.IsLocked(user);
        var isRight = PasswordThrottle.Verify(user, request.Password);
        if (user is null || user.IsDisabled || isLocked || !isRight)
        {
            throttle.AddressFailed(address);
            if (user is not null && !isLocked && !isRight)
            {
                throttle.Failed(user);
                await db.SaveChangesAsync(cancellationToken);
            }

            // The same answer for every reason: whether a user exists, is disabled or waits is not for a guesser to learn.
            return Problems.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Login failed",
                "The user name or password is wrong, or the account must wait after several wrong passwords.");
        }

        if (user.FailedLogins > 0)
        {
            PasswordThrottle.Succeeded(user);
            await db.SaveChangesAsync(cancellationToken);
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == user.OrganizationId, cancellationToken);
        return new LoginOutcome(StaffCaller(user, organization), organization, user.DisplayName, null);
    }

    internal static Caller StaffCaller(StaffUser user, Exchange.Organizations.Organization organization) =>
        new(organization.Id, organization.RegistryNumber, organization.Kind.ToString(), null, user.Id,
            [.. user.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)])
        {
            SecurityStamp = user.SecurityStamp,
        };
}
