using System.Security.Cryptography;

namespace SmartOffice.Exchange.Archive;

/// <summary>
/// The archive on a file system: documents/ab/cd/abcd….pdf and letters/{id}/{name}. Every write goes to a
/// temporary file that is flushed to disk and then moved into place without overwriting, so a crash leaves
/// either the whole file or nothing, and an accepted letter's bytes survive power loss.
/// </summary>
public sealed class FileArchiveStore : IArchiveStore
{
    private readonly string _root;

    public FileArchiveStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(_root, "documents"));
        Directory.CreateDirectory(Path.Combine(_root, "letters"));
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
    }

    public string Root => _root;

    public async Task StoreDocumentAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = DocumentPath(sha256);
        if (File.Exists(path))
        {
            return;
        }

        if (!Convert.ToHexStringLower(SHA256.HashData(content.Span)).Equals(sha256, StringComparison.Ordinal))
        {
            throw new ArgumentException("the content does not have the given SHA-256", nameof(sha256));
        }

        await WriteOnceAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    public Stream? OpenDocument(string sha256)
    {
        var path = DocumentPath(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    public async Task StoreRecordAsync(Guid letterId, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = RecordPath(letterId, name);
        if (File.Exists(path))
        {
            var existing = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (existing.AsSpan().SequenceEqual(content.Span))
            {
                return;
            }

            throw new IOException($"archive record {letterId}/{name} exists with other content; archives are never overwritten");
        }

        await WriteOnceAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    public Task LinkDocumentAsync(Guid letterId, string sha256, CancellationToken cancellationToken)
    {
        var link = RecordPath(letterId, "document.pdf");
        if (!File.Exists(link) && !new FileInfo(link).Exists)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            try
            {
                // Relative, so the archive folder can be moved or copied as a whole.
                File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(link)!, DocumentPath(sha256)));
            }
            catch (IOException) when (File.Exists(link))
            {
                // Linked concurrently.
            }
        }

        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadRecordAsync(Guid letterId, string name, CancellationToken cancellationToken)
    {
        var path = RecordPath(letterId, name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    private string DocumentPath(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("not a lowercase SHA-256", nameof(sha256));
        }

        return Path.Combine(_root, "documents", sha256[..2], sha256[2..4], sha256 + ".pdf");
    }

    private string RecordPath(Guid letterId, string name)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            throw new ArgumentException("invalid record name", nameof(name));
        }

        return Path.Combine(_root, "letters", letterId.ToString("N"), name);
    }

    private Task WriteOnceAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Records are small: one synchronous write and fsync on this thread costs less than FileStream's async path,
        // which on Linux hands the same blocking calls to another pool thread (archiving took ~20% of delivery time).
        var temporary = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N"));
        using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            RandomAccess.Write(handle, content.Span, 0);
            RandomAccess.FlushToDisk(handle);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer stored the same content-addressed bytes first: same bytes, nothing to do.
            File.Delete(temporary);
        }

        return Task.CompletedTask;
    }
}
