using SmartOffice.Exchange.Letters;
using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Letters;

/// <summary>One attachment as the validator judged it: its number, display name, bytes and report.</summary>
internal sealed record ValidatedAttachment(int Number, string Name, AttachmentUpload Upload, ValidationReport Report);

/// <summary>
/// Attachments by the letter's own rules, the sender as the expected signer, in order and one at a time, so whoever
/// stops at the first refused one (the submission, the send page's Check) validates no more than that.
/// </summary>
internal static class AttachmentValidation
{
    public static IEnumerable<ValidatedAttachment> Validate(
        PdfSignatureValidator validator,
        string senderRegistryNumber,
        IReadOnlyList<AttachmentUpload> attachments
    )
    {
        for (var i = 0; i < attachments.Count; i++)
        {
            var upload = attachments[i];
            yield return new ValidatedAttachment(
                i + 1,
                LetterAttachmentRules.DisplayName(upload.FileName, i + 1),
                upload,
                validator.Validate(
                    upload.Content,
                    new ValidationRequest { ExpectedRegistryNumber = senderRegistryNumber }
                )
            );
        }
    }
}
