using System.Diagnostics;
using System.IO.Compression;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Cli;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// Export for the state archive: a ZIP an archivist checks with standard tools (`sha256sum -c`) or the CLI.
/// </summary>
[TestClass]
public sealed class ArchiveTests
{
    [TestMethod]
    public async Task A_letter_package_checks_with_sha256sum_and_the_cli_and_a_tampered_one_does_not()
    {
        using var api = new ApiFactory("Sqlite");
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var pdf = TestPki.SignedLetter(TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(pdf, "9011001")).GetProperty("id").GetString();
        var folder = Directory.CreateTempSubdirectory("smartoffice-archive-").FullName;
        var package = Path.Combine(folder, "letter.zip");
        await File.WriteAllBytesAsync(package, await sender.Http.GetByteArrayAsync($"/api/letters/{id}/archive"));

        var unzipped = Path.Combine(folder, "unzipped");
        ZipFile.ExtractToDirectory(package, unzipped);
        CollectionAssert.AreEqual(
            pdf,
            await File.ReadAllBytesAsync(Path.Combine(unzipped, Guid.Parse(id!).ToString("N"), "letter.pdf"))
        );
        using (
            var sha256sum = Process.Start(
                new ProcessStartInfo("sha256sum", ["-c", "SHA256SUMS"])
                {
                    WorkingDirectory = unzipped,
                    RedirectStandardOutput = true,
                }
            )!
        )
        {
            await sha256sum.WaitForExitAsync();
            Assert.AreEqual(0, sha256sum.ExitCode, await sha256sum.StandardOutput.ReadToEndAsync());
        }

        Assert.AreEqual(0, await CliApp.RunAsync(["archive", "verify", package], TextWriter.Null, TextWriter.Null));
        using (var zip = ZipFile.Open(package, ZipArchiveMode.Update))
        {
            var report = zip.Entries.Single(e => e.FullName.EndsWith("report.json", StringComparison.Ordinal));
            await using var stream = report.Open();
            stream.SetLength(0);
            await stream.WriteAsync("{\"accepted\":true}"u8.ToArray());
        }

        Assert.AreEqual(1, await CliApp.RunAsync(["archive", "verify", package], TextWriter.Null, TextWriter.Null));
    }

    [TestMethod]
    public async Task An_agency_head_exports_a_period_and_a_company_may_not()
    {
        using var api = new ApiFactory("Sqlite");
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var id = (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
            .GetProperty("id")
            .GetString();
        using var head = await ApiSession.StaffAsync(api, "dulguun");
        var range =
            $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}"
            + $"&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}";

        byte[] bytes = [];
        for (var i = 0; i < 50; i++)
        {
            bytes = await head.Http.GetByteArrayAsync($"/api/archive/export?{range}");
            using var probe = new ZipArchive(new MemoryStream(bytes));
            if (probe.Entries.Any(e => e.FullName.StartsWith(Guid.Parse(id!).ToString("N"), StringComparison.Ordinal)))
            {
                break;
            }

            await Task.Delay(100);
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.IsTrue(
            zip.Entries.Any(e => e.FullName.EndsWith("evidence/01-SubmissionAcceptance.json", StringComparison.Ordinal))
        );
        await ProblemAssert.HasCodeAsync(await sender.Http.GetAsync($"/api/archive/export?{range}"), 403, "forbidden");
    }
}
