using SmartOffice.Exchange.Configuration;
using SmartOffice.Signing;

namespace SmartOffice.Api.Infrastructure;

/// <summary>The Api's own settings, bound to typed options and checked at start like the shared ones.</summary>
internal static class ApiOptionsRegistration
{
    public static IServiceCollection AddApiOptions(this IServiceCollection services)
    {
        services.AddChecked<AuthOptions>(AuthOptions.SectionName, CheckAuth);
        services.AddChecked<LimitsOptions>(LimitsOptions.SectionName, CheckLimits);
        services.AddChecked<SignatureValidationOptions>(SignatureValidationOptions.SectionName, CheckSigning);
        services.AddOptions<CrlRefreshOptions>().BindConfiguration(CrlRefreshOptions.SectionName);
        // The demo's PKI is made (or its CRLs renewed) before anything reads the trust folder or the seal.
        services
            .AddOptions<SignatureValidationOptions>()
            .PostConfigure<IConfiguration, TimeProvider>(
                (_, configuration, time) => EmbeddedDefaults.EnsureDemoPki(configuration, time)
            );
        services
            .AddOptions<SealOptions>()
            .PostConfigure<IConfiguration, TimeProvider>(
                (_, configuration, time) => EmbeddedDefaults.EnsureDemoPki(configuration, time)
            );
        return services;
    }

    private static IEnumerable<string> CheckAuth(AuthOptions options)
    {
        if (options.SigningKey is { Length: > 0 } key && !IsKeyOfAtLeast32Bytes(key))
        {
            yield return "Auth:SigningKey is not a base64 key of at least 32 bytes: generate one (openssl rand "
                + "-base64 32) or remove it to keep one under Data:Path.";
        }

        if (options.TokenLifetimeMinutes is < 1 or > 24 * 60)
        {
            yield return $"Auth:TokenLifetimeMinutes is {options.TokenLifetimeMinutes}: set 1 to 1440.";
        }
    }

    private static bool IsKeyOfAtLeast32Bytes(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= 32;
    }

    private static IEnumerable<string> CheckLimits(LimitsOptions options)
    {
        if (options.MaxRecipients < 1)
        {
            yield return $"Limits:MaxRecipients is {options.MaxRecipients}: set 1 or more.";
        }

        if (options.SubmissionsPerWindow < 1 || options.WindowSeconds < 1)
        {
            yield return "Limits:SubmissionsPerWindow and Limits:WindowSeconds must be 1 or more.";
        }

        if (options.MaxAttachments < 0 || options.MaxAttachmentBytes < 0)
        {
            yield return "Limits:MaxAttachments and Limits:MaxAttachmentBytes must be 0 (no attachments) or more.";
        }
    }

    private static IEnumerable<string> CheckSigning(SignatureValidationOptions options)
    {
        if (string.IsNullOrEmpty(options.TrustDir))
        {
            yield return "Signing:TrustDir is not set: point it at the folder of trusted CA certificates (PEM or "
                + "DER), with Signing:CrlDir and "
                + "the evidence seal (Seal:CertificatePath, Seal:Password); or set Demo:Enabled=true for the demo "
                + "PKI and users (never in production).";
        }
        else if (!Directory.Exists(options.TrustDir))
        {
            yield return $"Signing:TrustDir '{options.TrustDir}' does not exist: point it at the folder of trusted "
                + $"CA certificates (PEM or DER).";
        }

        if (options.CrlDir is { Length: > 0 } crls && !Directory.Exists(crls))
        {
            yield return $"Signing:CrlDir '{crls}' does not exist: point it at the folder of the CAs' CRLs, or "
                + $"remove the setting.";
        }

        if (options.MaxFileBytes < 1024)
        {
            yield return $"Signing:MaxFileBytes is {options.MaxFileBytes}: set the largest letter accepted, in bytes.";
        }
    }
}
