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
    /// <summary>The letter's attachments in the order given, each in its own pooled buffer.</summary>
    public IReadOnlyList<AttachmentUpload> Attachments { get; init; } = [];

    /// <summary>How many attachments the request carried (more than were read when there were too many).</summary>
    public int AttachmentCount { get; init; }

    /// <summary>An attachment, or all of them together, went past a size limit; reading stopped there.</summary>
    public bool AreAttachmentsTooLarge { get; init; }

    /// <summary>The buffers are rented from the shared pool; give them back when the request is done.</summary>
    public void Dispose()
    {
        if (File is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(File);
        }

        foreach (var attachment in Attachments)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(attachment.Buffer);
        }
    }

    private const int MaxFieldBytes = 16 * 1024;

    /// <param name="attachments">How many attachments are read and how many bytes they may have together.</param>
    public static async Task<SubmissionForm?> ReadAsync(
        HttpRequest request,
        long maxFileBytes,
        (int Count, long Bytes) attachments,
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
        var uploads = new AttachmentUploads(maxFileBytes, attachments.Count, attachments.Bytes);
        try
        {
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

                if (name is "attachment" or "attachments")
                {
                    // RFC 6266: filename* (UTF-8) wins over filename when both are given.
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
                    if (!await uploads.ReadAsync(fileName.Value, section.Body, cancellationToken))
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
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A body shorter than its Content-Length, or one without its closing boundary: the client's fault, said as
            // such (400), never an error of ours.
            throw new InvalidDataException("The multipart body ended before its closing boundary.", exception);
        }

        return new SubmissionForm(
            subject?.Trim(),
            recipients,
            reference?.Trim(),
            inReplyTo?.Trim(),
            file,
            length,
            tooLarge
        )
        {
            Attachments = uploads.Read,
            AttachmentCount = uploads.Count,
            AreAttachmentsTooLarge = uploads.IsTooLarge,
        };
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

/// <summary>One attachment as uploaded: the sender's file name and its bytes in a pooled buffer.</summary>
internal sealed record AttachmentUpload(string? FileName, byte[] Buffer, int Length)
{
    public ReadOnlyMemory<byte> Content => Buffer.AsMemory(0, Length);
}

/// <summary>
/// Reads attachments within their limits: each within the letter's size limit and all together within their own;
/// past the count or a size limit, reading stops.
/// </summary>
internal sealed class AttachmentUploads(long maxFileBytes, int maxCount, long maxTotalBytes)
{
    private readonly List<AttachmentUpload> _read = [];
    private long _total;

    public IReadOnlyList<AttachmentUpload> Read => _read;

    public int Count { get; private set; }

    public bool IsTooLarge { get; private set; }

    /// <summary>
    /// Reads one attachment; false when it went past a limit of count or size, and the rest of the request is not read
    /// (it is refused).
    /// </summary>
    public async Task<bool> ReadAsync(string? fileName, Stream body, CancellationToken cancellationToken)
    {
        Count++;
        if (Count > maxCount)
        {
            return false;
        }

        var limit = Math.Min(maxFileBytes, maxTotalBytes - _total);
        var (buffer, length, tooLarge) = await SmartOffice.Signing.BoundedRead.ReadPooledAsync(
            body,
            Math.Max(0, limit),
            cancellationToken
        );
        if (tooLarge)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            IsTooLarge = true;
            return false;
        }

        _total += length;
        _read.Add(new AttachmentUpload(HeaderUtilities.RemoveQuotes(fileName).Value, buffer, length));
        return true;
    }
}
