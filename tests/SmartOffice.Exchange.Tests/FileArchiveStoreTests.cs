using System.Security.Cryptography;
using System.Text;
using SmartOffice.Exchange.Archive;

namespace SmartOffice.Exchange.Tests;

/// <summary>The file archive keeps documents by SHA-256 and per-letter records, write-once.</summary>
[TestClass]
public sealed class FileArchiveStoreTests
{
    private static FileArchiveStore NewStore() => new(Directory.CreateTempSubdirectory("smartoffice-archive-").FullName);

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
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => store.StoreDocumentAsync(new string('0', 64), other, CancellationToken.None));
        Assert.IsNull(store.OpenDocument(Sha256(other)));
    }

    [TestMethod]
    public async Task A_record_is_written_once_the_same_bytes_again_are_accepted_and_other_bytes_are_refused()
    {
        var store = NewStore();
        var letter = Guid.NewGuid();
        await store.StoreRecordAsync(letter, "evidence-001-SubmissionAcceptance.json", "first"u8.ToArray(), CancellationToken.None);
        await store.StoreRecordAsync(letter, "evidence-001-SubmissionAcceptance.json", "first"u8.ToArray(), CancellationToken.None);

        await Assert.ThrowsExactlyAsync<IOException>(() => store.StoreRecordAsync(letter, "evidence-001-SubmissionAcceptance.json", "forged"u8.ToArray(), CancellationToken.None));
        CollectionAssert.AreEqual("first"u8.ToArray(), await store.ReadRecordAsync(letter, "evidence-001-SubmissionAcceptance.json", CancellationToken.None));
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
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => store.StoreRecordAsync(Guid.NewGuid(), name, "x"u8.ToArray(), CancellationToken.None));
        Assert.IsFalse(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories).Any(f => !f.Contains($"{Path.DirectorySeparatorChar}tmp{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task The_same_document_stored_by_many_writers_at_once_ends_as_one_whole_file_and_no_temporary_files()
    {
        var store = NewStore();
        var document = RandomNumberGenerator.GetBytes(256 * 1024);
        var sha256 = Sha256(document);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.StoreDocumentAsync(sha256, document, CancellationToken.None))));

        var files = Directory.GetFiles(Path.Combine(store.Root, "documents"), "*", SearchOption.AllDirectories);
        Assert.HasCount(1, files);
        CollectionAssert.AreEqual(document, await File.ReadAllBytesAsync(files[0]));
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(store.Root, "tmp")));
    }
}
