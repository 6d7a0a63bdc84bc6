using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Api.Auth;

/// <summary>
/// The token signing key: Auth:SigningKey when configured (required when several instances run), otherwise
/// a random key kept in the data folder so tokens survive a restart of the embedded default.
/// </summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<AuthOptions> auth, IOptions<DataOptions> data)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(data);
        byte[] key;
        if (!string.IsNullOrEmpty(auth.Value.SigningKey))
        {
            key = Convert.FromBase64String(auth.Value.SigningKey);
        }
        else
        {
            var path = System.IO.Path.Combine(data.Value.Path, "token-signing.key");
            Directory.CreateDirectory(data.Value.Path);
            if (!File.Exists(path))
            {
                // Readable by the service's user only: whoever reads it can mint tokens.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new FileStream(path, options);
                file.Write(RandomNumberGenerator.GetBytes(32));
            }

            key = File.ReadAllBytes(path);
        }

        if (key.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64)");
        }

        Key = new SymmetricSecurityKey(key);
    }

    public SymmetricSecurityKey Key { get; }
}
