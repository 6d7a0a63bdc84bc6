using System.Diagnostics;
using SmartOffice.Api.Tests.Infrastructure;

namespace SmartOffice.Api.Tests;

/// <summary>
/// The archive store keeps, per letter, the document, report, each sealed evidence and a SHA-256 manifest.
/// </summary>
[TestClass]
public sealed class ArchiveStoreTests
{
    [TestMethod]
    public async Task Each_letter_folder_checks_with_sha256sum_after_delivery()
    {
        using var api = new ApiFactory("Sqlite");
        using var sender = await ApiSession.CompanyAsync(api, TestPki.Pki.CompanyA);
        var id = Guid.Parse(
            (await sender.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001"))
                .GetProperty("id")
                .GetString()!
        );
        var folder = Path.Combine(api.DataPath, "archive", "letters", id.ToString("N"));

        for (var i = 0; i < 100 && !File.Exists(Path.Combine(folder, "manifest-002.sha256")); i++)
        {
            await Task.Delay(100);
        }

        Assert.IsTrue(
            File.Exists(Path.Combine(folder, "manifest-002.sha256")),
            string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))
        );
        Assert.IsTrue(File.Exists(Path.Combine(folder, "evidence-002-ContentConsignment.json")));
        using var sha256sum = Process.Start(
            new ProcessStartInfo("sha256sum", ["-c", "manifest-002.sha256"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
            }
        )!;
        var output = await sha256sum.StandardOutput.ReadToEndAsync();
        await sha256sum.WaitForExitAsync();
        Assert.AreEqual(0, sha256sum.ExitCode, output);
        StringAssert.Contains(output, "document.pdf: OK");
    }
}
