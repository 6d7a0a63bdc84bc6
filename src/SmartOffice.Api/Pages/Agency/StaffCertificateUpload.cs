namespace SmartOffice.Api.Pages.Agency;

/// <summary>
/// Reads an uploaded login certificate (.cer, .crt, .pem, .der; at most 64 KiB) as PEM text or base64 DER.
/// </summary>
internal static class StaffCertificateUpload
{
    private const int MaxBytes = 64 * 1024;

    public static async Task<string?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        if (file.Length > MaxBytes)
        {
            return "not a certificate";
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        return text.Contains("-----BEGIN", StringComparison.Ordinal) ? text : Convert.ToBase64String(bytes);
    }
}
