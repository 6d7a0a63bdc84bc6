using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Archive;

/// <summary>
/// The archive on a file system: documents/ab/cd/abcd….pdf and letters/{id}/{name}. Every write goes to a
/// temporary file that is flushed to disk and then moved into place without overwriting, so a crash leaves
/// either the whole file or nothing, and an accepted letter's bytes survive power loss.
/// Documents are flushed with an fsync each, and then the folder they were moved into: a move is on disk only once its
/// folder is. Letter records are too (<see cref="ArchiveSync.File"/>), or (<see cref="ArchiveSync.FileSystem"/>, the
/// default on Linux) by a group commit for the whole file system: the temporary files of every writer waiting at that
/// moment are flushed by one syncfs, then moved into place, and the moves are flushed by the next one.
/// </summary>
public sealed class FileArchiveStore : IArchiveStore, IDisposable
{
    private readonly string _root;
    private readonly FileSystemSync? _sync;
    private long _folderSyncs;

    // Folders made by a writer of this store whose entry in their parent is not flushed yet.
    private readonly ConcurrentDictionary<string, byte> _unflushedFolders = new(StringComparer.Ordinal);

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
    /// The store the settings name: Archive:Path and Archive:Sync, "FileSystem" (the default) or "File" (an fsync per
    /// record, for an archive that shares a busy file system).
    /// </summary>
    public static FileArchiveStore From(ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FileArchiveStore(options.Path, SyncFrom(options.Sync));
    }

    private static ArchiveSync SyncFrom(string? setting) =>
        Enum.TryParse<ArchiveSync>(setting, ignoreCase: true, out var sync) ? sync : ArchiveSync.FileSystem;

    /// <summary>File-system syncs made for letter records (0 when each record is fsync'd on its own).</summary>
    internal long FileSystemSyncs => _sync?.Count ?? 0;

    /// <summary>Folders flushed with an fsync of their own after files or folders were added to them.</summary>
    internal long FolderSyncs => Interlocked.Read(ref _folderSyncs);

    public void Dispose() => _sync?.Dispose();

    public string Root => _root;

    public async Task StoreDocumentAsync(
        string sha256,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken
    )
    {
        var path = DocumentPath(sha256);
        if (File.Exists(path))
        {
            // Another writer may have moved it into place a moment ago and not yet flushed its folder, or the folders
            // it made.
            var folder = Path.GetDirectoryName(path)!;
            var changed = new HashSet<string>(StringComparer.Ordinal) { folder };
            CreateFolder(folder, changed);
            FlushFolders(changed);
            return;
        }

        if (!Convert.ToHexStringLower(SHA256.HashData(content.Span)).Equals(sha256, StringComparison.Ordinal))
        {
            throw new ArgumentException("the content does not have the given SHA-256", nameof(sha256));
        }

        // One file on the submission path: its own fsync answers sooner than a shared syncfs (497 against 614
        // accepted/s in bench/).
        await WriteOnceAsync(
                [
                    [(path, content)],
                ],
                sync: null,
                changedBefore: null,
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public Stream? OpenDocument(string sha256)
    {
        var path = DocumentPath(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null;
    }

    public Task StoreRecordAsync(
        Guid letterId,
        string name,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken
    ) => StoreRecordsAsync(letterId, [(name, content)], cancellationToken);

    public async Task StoreRecordsAsync(
        Guid letterId,
        IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var folderExists = Directory.Exists(LetterFolder(letterId));
        await WriteOnceAsync(
                [await MissingAsync(letterId, folderExists, records, cancellationToken).ConfigureAwait(false)],
                _sync,
                changedBefore: null,
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task StoreLetterStepAsync(
        Guid letterId,
        IReadOnlyList<(string Name, string Sha256)> documents,
        IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records,
        (string Name, ReadOnlyMemory<byte> Content) manifest,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(documents);
        // Looked at once: a letter seen for the first time (its delivery) has no folder, so nothing in it to compare or
        // link.
        var folderExists = Directory.Exists(LetterFolder(letterId));
        var missing = await MissingAsync(letterId, folderExists, records, cancellationToken).ConfigureAwait(false);
        var manifestMissing = await MissingAsync(letterId, folderExists, [manifest], cancellationToken)
            .ConfigureAwait(false);
        var changedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, sha256) in documents)
        {
            LinkDocument(letterId, folderExists, name, sha256, changedFolders);
        }

        await WriteOnceAsync([missing, manifestMissing], _sync, changedFolders, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The records not yet stored; one already stored with other bytes is an error (archives are never overwritten).
    /// </summary>
    private async Task<List<(string Path, ReadOnlyMemory<byte> Content)>> MissingAsync(
        Guid letterId,
        bool folderExists,
        IReadOnlyList<(string Name, ReadOnlyMemory<byte> Content)> records,
        CancellationToken cancellationToken
    )
    {
        var missing = new List<(string Path, ReadOnlyMemory<byte> Content)>(records.Count);
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
                throw new IOException(
                    $"archive record {letterId}/{name} exists with other content; archives are never overwritten"
                );
            }
        }

        return missing;
    }

    private void LinkDocument(
        Guid letterId,
        bool folderExists,
        string name,
        string sha256,
        HashSet<string> changedFolders
    )
    {
        var link = RecordPath(letterId, name);
        if (!folderExists || (!File.Exists(link) && !new FileInfo(link).Exists))
        {
            CreateFolder(Path.GetDirectoryName(link)!, changedFolders);
            changedFolders.Add(Path.GetDirectoryName(link)!);
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
        if (
            name.Length == 0
            || name.Contains('/', StringComparison.Ordinal)
            || name.Contains('\\', StringComparison.Ordinal)
            || name.StartsWith('.')
        )
        {
            throw new ArgumentException("invalid record name", nameof(name));
        }

        return Path.Combine(LetterFolder(letterId), name);
    }

    private string LetterFolder(Guid letterId) => Path.Combine(_root, "letters", letterId.ToString("N"));

    /// <summary>
    /// Writes the files of every stage to temporary files, then moves each stage into place only once the ones before
    /// it are durable: a later stage (a manifest) never names files a crash could lose.
    /// </summary>
    private async Task WriteOnceAsync(
        IReadOnlyList<List<(string Path, ReadOnlyMemory<byte> Content)>> stages,
        FileSystemSync? sync,
        HashSet<string>? changedBefore,
        CancellationToken cancellationToken
    )
    {
        cancellationToken.ThrowIfCancellationRequested();
        var changedFolders = changedBefore ?? new HashSet<string>(StringComparer.Ordinal);
        if (stages.All(s => s.Count == 0) && changedFolders.Count == 0)
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
                    CreateFolder(Path.GetDirectoryName(path)!, changedFolders);
                }

                // Records are small: one synchronous write on this thread costs less than FileStream's async path,
                // which on Linux hands the same blocking calls to another pool thread (archiving took ~20% of delivery
                // time).
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
                    // Another writer stored the same record first (records are derived from committed rows: same
                    // bytes).
                    File.Delete(temporaries[s][i]);
                }
            }

            if (sync is null)
            {
                // The moves (and any folders made for them) are durable before the next stage moves or the caller goes
                // on.
                changedFolders.UnionWith(stages[s].Select(f => Path.GetDirectoryName(f.Path)!));
                FlushFolders(changedFolders);
                changedFolders.Clear();
            }
        }

        if (sync is not null)
        {
            // The last moves (directory entries) are durable too before the caller reports the records stored.
            await sync.FlushAsync().ConfigureAwait(false);
            ForgetFlushed(changedFolders);
        }
        else
        {
            FlushFolders(changedFolders);
        }
    }

    /// <summary>
    /// Makes a folder and any missing parents; the folder holding each one made has a new entry to flush. So does the
    /// folder holding one that another writer of this store made a moment ago and has not flushed yet: this writer may
    /// otherwise return before that writer's flush, with its file in a folder a crash could still take away.
    /// Internal so that a test can stand in for that other writer.
    /// </summary>
    internal void CreateFolder(string folder, HashSet<string> changedFolders)
    {
        var missing = new List<string>();
        for (var current = folder; current.Length > _root.Length; current = Path.GetDirectoryName(current)!)
        {
            if (!Directory.Exists(current))
            {
                missing.Add(current);
            }
            else if (_unflushedFolders.ContainsKey(current))
            {
                changedFolders.Add(Path.GetDirectoryName(current)!);
            }
            else
            {
                break;
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        foreach (var made in missing)
        {
            _unflushedFolders.TryAdd(made, 0);
        }

        Directory.CreateDirectory(folder);
        changedFolders.UnionWith(missing.Select(m => Path.GetDirectoryName(m)!));
    }

    private void FlushFolders(IReadOnlyCollection<string> folders)
    {
        foreach (var folder in folders)
        {
            DirectorySync.Flush(folder);
            Interlocked.Increment(ref _folderSyncs);
        }

        ForgetFlushed(folders);
    }

    /// <summary>Folders made in the flushed ones are durable now.</summary>
    private void ForgetFlushed(IReadOnlyCollection<string> flushed)
    {
        // The enumerator takes no lock (Keys would take them all) and the dictionary holds only folders still in
        // flight.
        foreach (var (made, _) in _unflushedFolders)
        {
            if (flushed.Contains(Path.GetDirectoryName(made)!))
            {
                _unflushedFolders.TryRemove(made, out _);
            }
        }
    }
}

/// <summary>
/// How the file archive makes letter records durable: an fsync per file, or one syncfs for everyone waiting (Linux;
/// elsewhere File).
/// </summary>
public enum ArchiveSync
{
    File,
    FileSystem,
}
