using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace SmartOffice.Exchange.Archive;

/// <summary>
/// The archive on a file system: documents/ab/cd/abcd….pdf and letters/{id}/{name}. Every write goes to a
/// temporary file that is flushed to disk and then moved into place without overwriting, so a crash leaves
/// either the whole file or nothing, and an accepted letter's bytes survive power loss.
/// Documents are flushed with an fsync each. Letter records are too, or (<see cref="ArchiveSync.FileSystem"/>, the
/// default on Linux) by a group commit for the whole file system: the temporary files of every writer waiting at that
/// moment are flushed by one syncfs, then moved into place, and the moves are flushed by the next one.
/// </summary>
public sealed class FileArchiveStore : IArchiveStore, IDisposable
{
    private readonly string _root;
    private readonly FileSystemSync? _sync;

    public FileArchiveStore(string root, ArchiveSync sync = ArchiveSync.FileSystem)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(_root, "documents"));
        Directory.CreateDirectory(Path.Combine(_root, "letters"));
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
        if (sync == ArchiveSync.FileSystem && FileSystemSync.IsSupported)
        {
            _sync = new FileSystemSync(Path.Combine(_root, "tmp", ".sync"));
        }
    }

    /// <summary>
    /// The store the settings name: Archive:Path (default data/archive) and Archive:Sync, "FileSystem" (the default) or
    /// "File" (an fsync per record, for an archive that shares a busy file system).
    /// </summary>
    public static FileArchiveStore FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new FileArchiveStore(configuration["Archive:Path"] ?? Path.Combine("data", "archive"), SyncFrom(configuration["Archive:Sync"]));
    }

    private static ArchiveSync SyncFrom(string? setting) =>
        Enum.TryParse<ArchiveSync>(setting, ignoreCase: true, out var sync) ? sync : ArchiveSync.FileSystem;

    /// <summary>File-system syncs made for letter records (0 when each record is fsync'd on its own).</summary>
    internal long FileSystemSyncs => _sync?.Count ?? 0;

    public void Dispose() => _sync?.Dispose();

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

        // One file on the submission path: its own fsync answers sooner than a shared syncfs (497 against 614 accepted/s in bench/).
        await WriteOnceAsync([[(path, content)]], sync: null, cancellationToken).ConfigureAwait(false);
    }

    public Stream? OpenDocument(string sha256)
    {
        var path = DocumentPath(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    public Task StoreRecordAsync(Guid letterId, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        StoreRecordsAsync(letterId, [(name, content)], cancellationToken);

    public async Task StoreRecordsAsync(Guid letterId, IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await WriteOnceAsync([await MissingAsync(letterId, records, cancellationToken).ConfigureAwait(false)], _sync, cancellationToken).ConfigureAwait(false);
    }

    public async Task StoreLetterStepAsync(Guid letterId, string documentSha256, IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records, (string Name, ReadOnlyMemory<byte> Content) manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var missing = await MissingAsync(letterId, records, cancellationToken).ConfigureAwait(false);
        var manifestMissing = await MissingAsync(letterId, [manifest], cancellationToken).ConfigureAwait(false);
        LinkDocument(letterId, documentSha256);
        await WriteOnceAsync([missing, manifestMissing], _sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The records not yet stored; one already stored with other bytes is an error (archives are never overwritten).</summary>
    private async Task<List<(string Path, ReadOnlyMemory<byte> Content)>> MissingAsync(Guid letterId, IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records, CancellationToken cancellationToken)
    {
        var missing = new List<(string Path, ReadOnlyMemory<byte> Content)>(records.Count);
        // A letter seen for the first time (its delivery) has no folder yet: nothing to compare, one check instead of one per record.
        var folderExists = records.Count > 0 && Directory.Exists(Path.GetDirectoryName(RecordPath(letterId, records[0].Name)));
        foreach (var (name, content) in records)
        {
            var path = RecordPath(letterId, name);
            if (!folderExists || !File.Exists(path))
            {
                missing.Add((path, content));
                continue;
            }

            var existing = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (!existing.AsSpan().SequenceEqual(content.Span))
            {
                throw new IOException($"archive record {letterId}/{name} exists with other content; archives are never overwritten");
            }
        }

        return missing;
    }

    private void LinkDocument(Guid letterId, string sha256)
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

    /// <summary>
    /// Writes the files of every stage to temporary files, then moves each stage into place only once the ones before
    /// it are durable: a later stage (a manifest) never names files a crash could lose.
    /// </summary>
    private async Task WriteOnceAsync(IReadOnlyList<List<(string Path, ReadOnlyMemory<byte> Content)>> stages, FileSystemSync? sync, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (stages.All(s => s.Count == 0))
        {
            return;
        }

        var folders = new HashSet<string>(StringComparer.Ordinal);
        var temporaries = new List<List<string>>(stages.Count);
        foreach (var stage in stages)
        {
            var written = new List<string>(stage.Count);
            foreach (var (path, content) in stage)
            {
                if (folders.Add(Path.GetDirectoryName(path)!))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                }

                // Records are small: one synchronous write on this thread costs less than FileStream's async path,
                // which on Linux hands the same blocking calls to another pool thread (archiving took ~20% of delivery time).
                var temporary = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N"));
                using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    RandomAccess.Write(handle, content.Span, 0);
                    if (sync is null)
                    {
                        RandomAccess.FlushToDisk(handle);
                    }
                }

                written.Add(temporary);
            }

            temporaries.Add(written);
        }

        for (var s = 0; s < stages.Count; s++)
        {
            if (stages[s].Count == 0)
            {
                continue;
            }

            if (sync is not null)
            {
                // The contents (first stage) or the moves of the stage before (later stages) are on disk first.
                await sync.FlushAsync().ConfigureAwait(false);
            }

            for (var i = 0; i < stages[s].Count; i++)
            {
                if (!NoReplaceRename.TryMove(temporaries[s][i], stages[s][i].Path))
                {
                    // Another writer stored the same record first (records are derived from committed rows: same bytes).
                    File.Delete(temporaries[s][i]);
                }
            }
        }

        if (sync is not null)
        {
            // The last moves (directory entries) are durable too before the caller reports the records stored.
            await sync.FlushAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>How the file archive makes letter records durable: an fsync per file, or one syncfs for everyone waiting (Linux; elsewhere File).</summary>
public enum ArchiveSync
{
    File,
    FileSystem,
}
