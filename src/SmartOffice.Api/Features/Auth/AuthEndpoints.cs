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
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Auth;

public sealed record ChallengeResponse(string Nonce, DateTimeOffset ExpiresAt);

public sealed record TokenRequest(string? Nonce, string? Signature);

public sealed record PasswordLoginRequest(string? UserName, string? Password);

public sealed record OrganizationSummary(string RegistryNumber, string Name, string Kind);

public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    DateTimeOffset ExpiresAt,
    OrganizationSummary Organization,
    IReadOnlyList<string> Roles
);

/// <summary>
/// POST /api/auth/challenge, /api/auth/token (certificate) and /api/auth/login (agency staff password).
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes
            .MapGroup("api/auth")
            .WithTags("Auth")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.LoginPolicy);
        group.MapPost(
            "challenge",
            async (ExchangeDbContext db, IOptions<AuthOptions> options, TimeProvider time, CancellationToken ct) =>
                TypedResults.Ok(await AuthChallenges.CreateAsync(db, options.Value, time, ct))
        );
        group.MapPost("token", CertificateLoginAsync);
        group.MapPost("login", PasswordLoginAsync);
        return routes;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> CertificateLoginAsync(
        TokenRequest request,
        ExchangeDbContext db,
        PdfSignatureValidator validator,
        AccountProvisioner accounts,
        TokenIssuer tokens,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var outcome = await CertificateLogin.AuthenticateAsync(
            request,
            db,
            validator,
            accounts,
            time,
            cancellationToken
        );
        return outcome.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Ok(CertificateLogin.Respond(tokens, outcome.Caller!, outcome.Organization!));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> PasswordLoginAsync(
        PasswordLoginRequest request,
        HttpContext context,
        ExchangeDbContext db,
        PasswordThrottle throttle,
        TokenIssuer tokens,
        CancellationToken cancellationToken
    )
    {
        var outcome = await PasswordLogin.AuthenticateAsync(
            request,
            ClientAddress.Key(context),
            db,
            throttle,
            cancellationToken
        );
        return outcome.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Ok(CertificateLogin.Respond(tokens, outcome.Caller!, outcome.Organization!));
    }
}
