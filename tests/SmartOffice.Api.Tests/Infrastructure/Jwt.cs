using System.Text;
using System.Text.Json;

namespace SmartOffice.Api.Tests.Infrastructure;

internal static class Jwt
{
    /// <summary>
    /// A claim of a bearer token (tests read the account id to prove two logins reach the same account).
    /// </summary>
    public static string? Claim(JsonElement token, string claim)
    {
        var payload = token.GetProperty("accessToken").GetString()!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
        return json.TryGetProperty(claim, out var value) ? value.GetString() : null;
    }
}
