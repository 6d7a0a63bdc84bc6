using System.Security.Cryptography;
using System.Text;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// What makes two submissions the same request: the document's bytes, each attachment's bytes and name in order, the
/// recipients, subject, reference and reply-to.
/// </summary>
internal static class IdempotencyFingerprint
{
    public static string Of(SubmissionForm form)
    {
        var document = form.File is null
            ? ""
            : Convert.ToHexStringLower(SHA256.HashData(form.File.AsSpan(0, form.FileLength)));
        var recipients = string.Join(',', form.Recipients.Order(StringComparer.Ordinal));
        var attachments = string.Join(
            ',',
            form.Attachments.Select(a => $"{Convert.ToHexStringLower(SHA256.HashData(a.Content.Span))}:{a.FileName}")
        );
        var request = string.Join(
            '\u001F',
            document,
            attachments,
            recipients,
            form.Subject ?? "",
            form.Reference ?? "",
            form.InReplyTo ?? ""
        );
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
    }
}
