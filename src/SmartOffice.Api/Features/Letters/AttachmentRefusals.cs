using SmartOffice.Signing;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// Why a letter was refused for one of its attachments: the same codes as for the letter itself, naming the attachment
/// by its number and file name, so the sender knows which file to fix.
/// </summary>
internal static class AttachmentRefusals
{
    /// <summary>The validator refused attachment <paramref name="number"/>: its report, said for it.</summary>
    public static Refusal Rejected(int number, string fileName, ValidationReport report)
    {
        var refusal = Refusal.Rejected(report);
        return refusal with
        {
            Title = $"Attachment {number} was refused",
            Detail = $"Attachment {number} ({fileName}): {report.Message}",
            Data = new Dictionary<string, object?>(refusal.Data)
            {
                ["attachment"] = new { number, fileName },
                ["messageMn"] = $"Хавсралт {number} ({fileName}): {report.MessageMn}",
            },
            MessageKey = "refusal.attachment.refused",
            MessageArguments = [number, fileName],
        };
    }

    public static Refusal TooLarge(long maxFileBytes, long maxTotalBytes) =>
        new Refusal(
            RefusalKind.TooLarge,
            ValidationCodes.FileTooLarge,
            "The attachments are too large",
            $"Each attachment may have at most {maxFileBytes / (1024 * 1024)} MiB and all attachments together at "
                + $"most {maxTotalBytes / (1024 * 1024)} MiB."
        ).Says("refusal.attachment.tooLarge", maxFileBytes / (1024 * 1024), maxTotalBytes / (1024 * 1024));
}
