using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.Exchange.Tests;

/// <summary>A letter's archive folder can be checked with standard tools after every step.</summary>
[TestClass]
public sealed class LetterArchiverTests
{
    [TestMethod]
    public async Task Each_step_adds_a_manifest_that_sha256sum_accepts_and_earlier_manifests_stay_as_they_were()
    {
        var (root, store, letter) = await StoredLetterAsync();
        List<EvidenceRecord> evidences =
        [
            new()
            {
                LetterId = letter.Id,
                Event = "SubmissionAcceptance",
                EventTime = letter.SubmittedAt,
                Json = "{\"event\":\"SubmissionAcceptance\"}",
                Seal = [1, 2, 3],
            },
            new()
            {
                LetterId = letter.Id,
                Event = "ContentConsignment",
                EventTime = letter.SubmittedAt.AddSeconds(1),
                Json = "{\"event\":\"ContentConsignment\"}",
                Seal = [4, 5, 6],
            },
        ];
        using var db = new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>().UseSqlite("Data Source=:memory:").Options
        );
        var archiver = new LetterArchiver(db, store, Options.Create(new ArchiveOptions { RetentionYears = 25 }));

        await archiver.RecordAsync(letter, evidences, CancellationToken.None);
        var folder = Path.Combine(root, "letters", letter.Id.ToString("N"));
        var first = await File.ReadAllTextAsync(Path.Combine(folder, "manifest-002.sha256"));
        evidences.Add(
            new()
            {
                LetterId = letter.Id,
                Event = "Registration",
                EventTime = letter.SubmittedAt.AddMinutes(5),
                Json = "{\"event\":\"Registration\"}",
                Seal = [7],
            }
        );
        await archiver.RecordAsync(letter, evidences, CancellationToken.None);

        Assert.AreEqual(first, await File.ReadAllTextAsync(Path.Combine(folder, "manifest-002.sha256")));
        var latest = await File.ReadAllTextAsync(Path.Combine(folder, "manifest-003.sha256"));
        foreach (
            var name in new[]
            {
                "document.pdf",
                "report.json",
                "evidence-001-SubmissionAcceptance.json",
                "evidence-002-ContentConsignment.json",
                "evidence-003-Registration.json",
            }
        )
        {
            StringAssert.Contains(latest, $"  {name}\n");
        }

        StringAssert.Contains(
            await File.ReadAllTextAsync(Path.Combine(folder, "retention.json")),
            letter.SubmittedAt.AddYears(25).Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        using var check = Process.Start(
            new ProcessStartInfo("sha256sum", ["--strict", "-c", "manifest-003.sha256"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        var output = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        Assert.AreEqual(0, check.ExitCode, output);
    }

    [TestMethod]
    public async Task Evidence_files_are_numbered_in_chain_order_when_a_later_step_carries_an_earlier_time()
    {
        var (root, store, letter) = await StoredLetterAsync();
        var acceptance = new EvidenceRecord
        {
            LetterId = letter.Id,
            Event = "SubmissionAcceptance",
            EventTime = letter.SubmittedAt,
            Json = "{}",
            Seal = [1],
        };
        // Stamped by a worker whose clock is 40 ms behind the Api's.
        var delivery = new EvidenceRecord
        {
            LetterId = letter.Id,
            Event = "ContentConsignment",
            EventTime = letter.SubmittedAt.AddMilliseconds(-40),
            PreviousEvidenceId = acceptance.Id,
            Json = "{}",
            Seal = [2],
        };
        using var db = new ExchangeDbContext(
            new DbContextOptionsBuilder<ExchangeDbContext>().UseSqlite("Data Source=:memory:").Options
        );

        await new LetterArchiver(db, store, Options.Create(new ArchiveOptions())).RecordAsync(
            letter,
            [delivery, acceptance],
            CancellationToken.None
        );

        var folder = Path.Combine(root, "letters", letter.Id.ToString("N"));
        Assert.IsTrue(File.Exists(Path.Combine(folder, "evidence-001-SubmissionAcceptance.json")));
        Assert.IsTrue(File.Exists(Path.Combine(folder, "evidence-002-ContentConsignment.json")));
    }

    /// <summary>An archive on a temporary folder holding one letter's document, and that letter.</summary>
    private static async Task<(string Root, FileArchiveStore Store, Letter Letter)> StoredLetterAsync()
    {
        var root = Directory.CreateTempSubdirectory("smartoffice-archive-").FullName;
        var store = new FileArchiveStore(root);
        var document = "%PDF-1.7 a signed letter"u8.ToArray();
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document));
        await store.StoreDocumentAsync(sha256, document, CancellationToken.None);
        return (
            root,
            store,
            new Letter
            {
                SenderRegistryNumber = "5123456",
                Subject = "Зөвшөөрөл",
                DocumentSha256 = sha256,
                ValidationReportJson = "{\"accepted\":true}",
                RecipientKey = "9011001",
                SubmittedAt = DateTimeOffset.UtcNow,
            }
        );
    }
}
