using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SmartOffice.Api.Features.Letters;

/// <summary>
/// The multipart submission, read as a stream: fields are small and bounded; the file is read into memory
/// only up to the size limit plus one byte, so an oversized upload is refused without being read whole.
/// </summary>
internal sealed record SubmissionForm(
    string? Subject,
    List<string> Recipients,
    string? Reference,
    string? InReplyTo,
    byte[]? File,
    int FileLength,
    bool IsFileTooLarge
) : IDisposable
{
    /// <summary>The file buffer is rented from the shared pool; give it back when the request is done.</summary>
    public void Dispose()
    {
        if (File is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(File);
        }
    }

    private const int MaxFieldBytes = 16 * 1024;

    public static async Task<SubmissionForm?> ReadAsync(
        HttpRequest request,
        long maxFileBytes,
        CancellationToken cancellationToken
    )
    {
        if (
            !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        )
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        string? subject = null,
            reference = null,
            inReplyTo = null;
        var recipients = new List<string>();
        byte[]? file = null;
        var length = 0;
        var tooLarge = false;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (name == "file")
            {
                if (file is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(file);
                }

                (file, length, tooLarge) = await SmartOffice.Signing.BoundedRead.ReadPooledAsync(
                    section.Body,
                    maxFileBytes,
                    cancellationToken
                );
                if (tooLarge)
                {
                    break;
                }

                continue;
            }

            var value = await ReadFieldAsync(section.Body, cancellationToken);
            switch (name)
            {
                case "subject":
                    subject = value;
                    break;
                case "recipients":
                    recipients.AddRange(
                        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    );
                    break;
                case "reference":
                    reference = value;
                    break;
                case "inReplyTo":
                    inReplyTo = value;
                    break;
                default:
                    break;
            }
        }

        return new SubmissionForm(
            subject?.Trim(),
            recipients,
            reference?.Trim(),
            inReplyTo?.Trim(),
            file,
            length,
            tooLarge
        );
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var (buffer, length, tooLarge) = await SmartOffice.Signing.BoundedRead.ReadAsync(
            body,
            MaxFieldBytes,
            cancellationToken
        );
        return tooLarge
            ? throw new InvalidDataException("a form field is longer than 16 KB")
            : Encoding.UTF8.GetString(buffer, 0, length);
    }
}
