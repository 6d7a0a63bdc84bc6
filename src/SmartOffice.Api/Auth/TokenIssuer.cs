using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SmartOffice.Api.Infrastructure;

namespace SmartOffice.Api.Auth;

/// <summary>Issues short-lived bearer tokens (HMAC-SHA256 JWT) for a <see cref="Caller"/>.</summary>
public sealed class TokenIssuer(SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider time)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.TokenLifetimeMinutes);
        var token = new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = options.Value.Issuer,
                Audience = options.Value.Issuer,
                Subject = new ClaimsIdentity(caller.ToClaims()),
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = expires.UtcDateTime,
                SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            }
        );
        return (token, expires);
    }
}
