using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartOffice.Api.Tests.Infrastructure;
using SmartOffice.Exchange.Persistence;

namespace SmartOffice.EndToEnd.Tests;

/// <summary>
/// The backup drill of docs/operations.md: pg_dump of the database taken while letters keep arriving, then the archive
/// folder (links kept), restored into a fresh database and folder. The restored service reads every letter's exact
/// bytes, `smartoffice archive verify` accepts its archive packages, and the audit chain verifies.
/// </summary>
[TestClass]
public sealed class BackupRestoreTests
{
    [TestMethod]
    public async Task A_backup_taken_under_load_restores_into_a_service_whose_records_verify()
    {
        ApiFactory.RequireProvider("Postgres");
        using var source = new ApiFactory("Postgres");
        using var company = await ApiSession.CompanyAsync(source, TestPki.Pki.CompanyA);
        for (var i = 0; i < 3; i++)
        {
            await company.AcceptedAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001");
        }

        using var load = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                await company.SubmitAsync(TestPki.SignedLetter(TestPki.Pki.CompanyA), "9011001");
            }
        });
        var dump = Path.Combine(Path.GetTempPath(), $"smartoffice-{Guid.NewGuid():N}.dump");
        var from = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        await RunAsync("pg_dump", $"-Fc -h {from.Host} -p {from.Port} -U {from.Username} -f {dump} {from.Database}");
        var archive = Path.Combine(Path.GetTempPath(), $"smartoffice-archive-{Guid.NewGuid():N}");
        await RunAsync("cp", $"-a {Path.Combine(source.DataPath, "archive")} {archive}");
        await load.CancelAsync();
        await sending;

        var restoredDatabase = $"smartoffice_restored_{Guid.NewGuid():N}";
        await RunAsync(
            "psql",
            $"-h {from.Host} -p {from.Port} -U {from.Username} -d {from.Database} -c \"CREATE DATABASE "
                + $"{restoredDatabase}\""
        );
        await RunAsync("pg_restore", $"-h {from.Host} -p {from.Port} -U {from.Username} -d {restoredDatabase} {dump}");
        using var restored = new ApiFactory(
            "Postgres",
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:SmartOffice"] = new NpgsqlConnectionStringBuilder(source.ConnectionString)
                {
                    Database = restoredDatabase,
                }.ConnectionString,
                ["Archive:Path"] = archive,
            }
        );
        using var admin = await ApiSession.StaffAsync(restored, "admin");
        var audit = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.IsTrue(audit.GetProperty("isIntact").GetBoolean(), audit.ToString());

        using var sender = await ApiSession.CompanyAsync(restored, TestPki.Pki.CompanyA);
        await using var scope = restored.Services.CreateAsyncScope();
        var letters = await scope
            .ServiceProvider.GetRequiredService<ExchangeDbContext>()
            .Letters.AsNoTracking()
            .Select(l => new { l.Id, l.DocumentSha256 })
            .ToListAsync();
        Assert.IsGreaterThanOrEqualTo(3, letters.Count);
        foreach (var letter in letters)
        {
            var document = await sender.Http.GetByteArrayAsync($"/api/letters/{letter.Id}/document");
            Assert.AreEqual(
                letter.DocumentSha256,
                Convert.ToHexStringLower(SHA256.HashData(document)),
                $"letter {letter.Id}"
            );
            var package = await sender.Http.GetAsync($"/api/letters/{letter.Id}/archive");
            Assert.AreEqual(HttpStatusCode.OK, package.StatusCode);
            await AssertArchiveVerifiesAsync(await package.Content.ReadAsByteArrayAsync(), letter.Id);
        }
    }

    /// <summary>
    /// The restored package checks out with the command an auditor runs: `smartoffice archive verify`.
    /// </summary>
    private static async Task AssertArchiveVerifiesAsync(byte[] package, Guid letterId)
    {
        var file = Path.Combine(Path.GetTempPath(), $"restored-{letterId}.zip");
        await File.WriteAllBytesAsync(file, package);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await SmartOffice.Cli.CliApp.RunAsync(["archive", "verify", file], output, errors);
        File.Delete(file);
        Assert.AreEqual(0, exitCode, $"letter {letterId}: {output}{errors}");
        StringAssert.StartsWith(output.ToString(), "VALID", $"letter {letterId}");
    }

    private static async Task RunAsync(string tool, string arguments)
    {
        var bin =
            Directory.GetDirectories("/usr/lib/postgresql").Order().LastOrDefault() is { } version
            && File.Exists(Path.Combine(version, "bin", tool))
                ? Path.Combine(version, "bin", tool)
                : tool;
        using var process = Process.Start(
            new ProcessStartInfo(bin, arguments) { RedirectStandardError = true, RedirectStandardOutput = true }
        )!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.AreEqual(0, process.ExitCode, $"{tool} {arguments}: {error}");
    }
}
