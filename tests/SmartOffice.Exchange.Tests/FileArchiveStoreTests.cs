using System.Security.Cryptography;
using System.Text;
using SmartOffice.Exchange.Archive;

namespace SmartOffice.Exchange.Tests;

/// <summary>The file archive keeps documents by SHA-256 and per-letter records, write-once.</summary>
[TestClass]
public sealed class FileArchiveStoreTests
{
    private static FileArchiveStore NewStore(ArchiveSync sync = ArchiveSync.FileSystem) =>
        new(Directory.CreateTempSubdirectory("smartoffice-archive-").FullName, sync);

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [TestMethod]
    public async Task Keeps_a_document_under_its_sha256_and_refuses_bytes_that_do_not_match_the_name()
    {
        var store = NewStore();
        var document = Encoding.UTF8.GetBytes("%PDF-1.7 letter");
        await store.StoreDocumentAsync(Sha256(document), document, CancellationToken.None);

        using (var stored = store.OpenDocument(Sha256(document))!)
        using (var copy = new MemoryStream())
        {
            await stored.CopyToAsync(copy);
            CollectionAssert.AreEqual(document, copy.ToArray());
        }

        var other = Encoding.UTF8.GetBytes("%PDF-1.7 another letter");
        await Assert.ThrowsExactlyAsync<ArgumentException>(() =>
            store.StoreDocumentAsync(new string('0', 64), other, CancellationToken.None)
        );
        Assert.IsNull(store.OpenDocument(Sha256(other)));
    }

    [TestMethod]
    public async Task A_record_is_written_once_the_same_bytes_again_are_accepted_and_other_bytes_are_refused()
    {
        var store = NewStore();
        var letter = Guid.NewGuid();
        await store.StoreRecordAsync(
            letter,
            "evidence-001-SubmissionAcceptance.json",
            "first"u8.ToArray(),
            CancellationToken.None
        );
        await store.StoreRecordAsync(
            letter,
            "evidence-001-SubmissionAcceptance.json",
            "first"u8.ToArray(),
            CancellationToken.None
        );

        await Assert.ThrowsExactlyAsync<IOException>(() =>
            store.StoreRecordAsync(
                letter,
                "evidence-001-SubmissionAcceptance.json",
                "forged"u8.ToArray(),
                CancellationToken.None
            )
        );
        CollectionAssert.AreEqual(
            "first"u8.ToArray(),
            await store.ReadRecordAsync(letter, "evidence-001-SubmissionAcceptance.json", CancellationToken.None)
        );
    }

    [TestMethod]
    [DataRow(ArchiveSync.FileSystem)]
    [DataRow(ArchiveSync.File)]
    public async Task A_letter_step_stores_document_records_and_manifest_and_a_forged_record_stops_the_manifest(
        ArchiveSync sync
    )
    {
        using var store = NewStore(sync);
        var document = Encoding.UTF8.GetBytes("%PDF-1.7 letter");
        await store.StoreDocumentAsync(Sha256(document), document, CancellationToken.None);
        var letter = Guid.NewGuid();
        (string, ReadOnlyMemory<byte>)[] records =
        [
            ("report.json", "{}"u8.ToArray()),
            ("evidence-001-SubmissionAcceptance.json", "first"u8.ToArray()),
        ];

        await store.StoreLetterStepAsync(
            letter,
            [("document.pdf", Sha256(document))],
            records,
            ("manifest-001.sha256", "sums 1"u8.ToArray()),
            CancellationToken.None
        );
        await store.StoreLetterStepAsync(
            letter,
            [("document.pdf", Sha256(document))],
            records,
            ("manifest-001.sha256", "sums 1"u8.ToArray()),
            CancellationToken.None
        );

        var folder = Path.Combine(store.Root, "letters", letter.ToString("N"));
        CollectionAssert.AreEquivalent(
            new[] { "document.pdf", "report.json", "evidence-001-SubmissionAcceptance.json", "manifest-001.sha256" },
            Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ToArray()
        );
        CollectionAssert.AreEqual(document, await File.ReadAllBytesAsync(Path.Combine(folder, "document.pdf")));
        CollectionAssert.AreEqual(
            "sums 1"u8.ToArray(),
            await store.ReadRecordAsync(letter, "manifest-001.sha256", CancellationToken.None)
        );

        (string, ReadOnlyMemory<byte>)[] forged =
        [
            ("report.json", "{\"forged\":true}"u8.ToArray()),
            ("evidence-002-ContentConsignment.json", "second"u8.ToArray()),
        ];
        await Assert.ThrowsExactlyAsync<IOException>(() =>
            store.StoreLetterStepAsync(
                letter,
                [("document.pdf", Sha256(document))],
                forged,
                ("manifest-002.sha256", "sums 2"u8.ToArray()),
                CancellationToken.None
            )
        );
        Assert.IsNull(await store.ReadRecordAsync(letter, "manifest-002.sha256", CancellationToken.None));
        Assert.IsNull(
            await store.ReadRecordAsync(letter, "evidence-002-ContentConsignment.json", CancellationToken.None)
        );
        Assert.IsFalse(
            Directory
                .EnumerateFiles(Path.Combine(store.Root, "tmp"))
                .Any(f => !f.EndsWith(".sync", StringComparison.Ordinal))
        );
    }

    [TestMethod]
    [DataRow("../escape.json")]
    [DataRow("nested/record.json")]
    [DataRow("..\\escape.json")]
    [DataRow(".hidden")]
    [DataRow("")]
    public async Task A_record_name_that_would_leave_the_letters_folder_is_refused(string name)
    {
        var store = NewStore();
        await Assert.ThrowsExactlyAsync<ArgumentException>(() =>
            store.StoreRecordAsync(Guid.NewGuid(), name, "x"u8.ToArray(), CancellationToken.None)
        );
        Assert.IsFalse(
            Directory
                .EnumerateFiles(store.Root, "*", SearchOption.AllDirectories)
                .Any(f =>
                    !f.Contains(
                        $"{Path.DirectorySeparatorChar}tmp{Path.DirectorySeparatorChar}",
                        StringComparison.Ordinal
                    )
                )
        );
    }

    [TestMethod]
    public async Task The_same_document_stored_by_many_writers_at_once_ends_as_one_whole_file_and_no_temporary_files()
    {
        var store = NewStore();
        var document = RandomNumberGenerator.GetBytes(256 * 1024);
        var sha256 = Sha256(document);
        await Task.WhenAll(
            Enumerable
                .Range(0, 16)
                .Select(_ => Task.Run(() => store.StoreDocumentAsync(sha256, document, CancellationToken.None)))
        );

        var files = Directory.GetFiles(Path.Combine(store.Root, "documents"), "*", SearchOption.AllDirectories);
        Assert.HasCount(1, files);
        CollectionAssert.AreEqual(document, await File.ReadAllBytesAsync(files[0]));
        Assert.IsEmpty(Temporaries(store));
    }

    [TestMethod]
    public async Task Records_of_many_writers_share_file_system_syncs_and_all_land_in_place()
    {
        using var store = NewStore(ArchiveSync.FileSystem);
        var letters = Enumerable.Range(0, 48).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(
            letters.Select(letter =>
                Task.Run(() => store.StoreRecordsAsync(letter, Records(letter), CancellationToken.None))
            )
        );

        foreach (var letter in letters)
        {
            foreach (var (name, content) in Records(letter))
            {
                CollectionAssert.AreEqual(
                    content.ToArray(),
                    await store.ReadRecordAsync(letter, name, CancellationToken.None),
                    $"{letter}/{name}"
                );
            }
        }

        Assert.IsEmpty(Temporaries(store));
        // Each writer waits for two syncs (its files, then their moves); overlapping writers share them.
        Assert.IsGreaterThanOrEqualTo(2, store.FileSystemSyncs);
        Assert.IsLessThan(
            letters.Count * 2,
            store.FileSystemSyncs,
            "writers waiting at the same moment share one syncfs"
        );
    }

    [TestMethod]
    public async Task With_an_fsync_per_record_the_same_records_land_in_place_without_file_system_syncs()
    {
        using var store = NewStore(ArchiveSync.File);
        var letter = Guid.NewGuid();

        await store.StoreRecordsAsync(letter, Records(letter), CancellationToken.None);

        foreach (var (name, content) in Records(letter))
        {
            CollectionAssert.AreEqual(
                content.ToArray(),
                await store.ReadRecordAsync(letter, name, CancellationToken.None)
            );
        }

        Assert.AreEqual(0, store.FileSystemSyncs);
        Assert.IsEmpty(Temporaries(store));
    }

    [TestMethod]
    [DataRow(ArchiveSync.FileSystem)]
    [DataRow(ArchiveSync.File)]
    public async Task A_moved_file_and_the_folders_made_for_it_are_flushed_before_the_store_returns(ArchiveSync sync)
    {
        using var store = NewStore(sync);
        var document = Encoding.UTF8.GetBytes("%PDF-1.7 letter");
        var sibling = FindSibling(document);

        // documents/ab/cd/ are new: the new entries are in documents/, documents/ab/ and documents/ab/cd/.
        await store.StoreDocumentAsync(Sha256(document), document, CancellationToken.None);
        Assert.AreEqual(3, store.FolderSyncs);

        // Same folder: only the folder that got the file.
        await store.StoreDocumentAsync(Sha256(sibling), sibling, CancellationToken.None);
        Assert.AreEqual(4, store.FolderSyncs);

        // Already there, maybe moved a moment ago by another writer: its folder is flushed before the caller relies on
        // it.
        await store.StoreDocumentAsync(Sha256(document), document, CancellationToken.None);
        Assert.AreEqual(5, store.FolderSyncs);

        // A letter step: a new letters/{id}/ (an entry in letters/), then its records, then its manifest, each stage
        // flushed before the next when each file is fsync'd on its own; one syncfs after the moves covers the folders
        // otherwise.
        await store.StoreLetterStepAsync(
            Guid.NewGuid(),
            [("document.pdf", Sha256(document))],
            [("report.json", "{}"u8.ToArray())],
            ("manifest-000.sha256", "sums"u8.ToArray()),
            CancellationToken.None
        );
        Assert.AreEqual(sync == ArchiveSync.File ? 5 + 2 + 1 : 5, store.FolderSyncs);
    }

    [TestMethod]
    public async Task A_writer_that_finds_a_folder_another_writer_made_and_has_not_flushed_yet_flushes_it_too()
    {
        using var store = NewStore(ArchiveSync.File);
        var document = Encoding.UTF8.GetBytes("%PDF-1.7 letter");
        var sha256 = Sha256(document);
        // Another writer has just made documents/ab/cd/ for a sibling and has not flushed documents/ and documents/ab/
        // yet.
        store.CreateFolder(
            Path.Combine(store.Root, "documents", sha256[..2], sha256[2..4]),
            new HashSet<string>(StringComparer.Ordinal)
        );

        await store.StoreDocumentAsync(sha256, document, CancellationToken.None);

        // Its file's folder, and the two entries the other writer made: this writer does not return before they are
        // durable.
        Assert.AreEqual(3, store.FolderSyncs);

        // Flushed once, they count as durable from then on.
        var sibling = FindSibling(document);
        await store.StoreDocumentAsync(Sha256(sibling), sibling, CancellationToken.None);
        Assert.AreEqual(4, store.FolderSyncs);
    }

    /// <summary>
    /// Another small document whose SHA-256 starts with the same four hex digits (same documents/ab/cd/ folder).
    /// </summary>
    private static byte[] FindSibling(byte[] document)
    {
        var prefix = Sha256(document)[..4];
        for (var i = 0; ; i++)
        {
            var candidate = Encoding.UTF8.GetBytes($"%PDF-1.7 sibling {i}");
            if (Sha256(candidate).StartsWith(prefix, StringComparison.Ordinal))
            {
                return candidate;
            }
        }
    }

    [TestMethod]
    public async Task A_write_to_a_disposed_store_fails_instead_of_waiting_for_a_sync_that_never_comes()
    {
        var store = NewStore(ArchiveSync.FileSystem);
        store.Dispose();
        var letter = Guid.NewGuid();

        // A consumer still archiving after its host stopped: before, the sync loop died on the closed handle and this
        // hung.
        await Assert.ThrowsExactlyAsync<ObjectDisposedException>(() =>
            store.StoreRecordsAsync(letter, Records(letter), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))
        );
    }

    private static List<(string Name, ReadOnlyMemory<byte> Content)> Records(Guid letter) =>
        [
            ("report.json", Encoding.UTF8.GetBytes($"report of {letter}")),
            ("evidence-001-SubmissionAcceptance.json", Encoding.UTF8.GetBytes($"evidence of {letter}")),
            ("retention.json", Encoding.UTF8.GetBytes($"retention of {letter}")),
        ];

    /// <summary>Files left in tmp/, other than the anchor that names the file system to syncfs.</summary>
    private static string[] Temporaries(FileArchiveStore store) =>
        [.. Directory.GetFiles(Path.Combine(store.Root, "tmp")).Where(f => Path.GetFileName(f) != ".sync")];
}
