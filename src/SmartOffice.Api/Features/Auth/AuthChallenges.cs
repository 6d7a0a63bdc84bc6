using System.Security.Cryptography;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Api.Features.Auth;

/// <summary>Single-use nonces a certificate signs to log in, for the API and the login page alike.</summary>
internal static class AuthChallenges
{
    public static async Task<ChallengeResponse> CreateAsync(
        ExchangeDbContext db,
        AuthOptions options,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var challenge = new AuthChallenge
        {
            Nonce = Convert
                .ToBase64String(RandomNumberGenerator.GetBytes(32))
                .TrimEnd('=')
                .Replace('+', '-')
                .Replace('/', '_'),
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(options.ChallengeLifetimeSeconds),
        };
        db.AuthChallenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return new ChallengeResponse(challenge.Nonce, challenge.ExpiresAt);
    }
}
