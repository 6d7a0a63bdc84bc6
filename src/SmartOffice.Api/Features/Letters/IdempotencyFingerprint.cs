using System.Security.Cryptography;
using System.Text;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// What makes two submissions the same request: the document's bytes, the recipients, subject, reference and reply-to.
/// </summary>
internal static class IdempotencyFingerprint
{
    public static string Of(SubmissionForm form)
    {
        var document = form.File is null
            ? ""
            : Convert.ToHexStringLower(SHA256.HashData(form.File.AsSpan(0, form.FileLength)));
        var recipients = string.Join(',', form.Recipients.Order(StringComparer.Ordinal));
        var request = string.Join(
            '\u001F',
            document,
            recipients,
            form.Subject ?? "",
            form.Reference ?? "",
            form.InReplyTo ?? ""
        );
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
    }
}
