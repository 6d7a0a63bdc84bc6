using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SmartOffice.Signing.Pdf;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Differential;

/// <summary>
/// Differential test: a few hundred structurally varied letters, each read by SmartOffice's scanner and
/// validator and by poppler (pdfinfo, pdfsig) and qpdf. A validator that sees less than a viewer is the
/// attack surface, so the readers' answers bind SmartOffice in the unsafe direction, and the generator's
/// ground truth (<see cref="Planted"/>) binds it in the other, where readers have blind spots (poppler's
/// pdfinfo -js does not report /OpenAction scripts, pdfsig ignores a /Sig no field points at).
/// </summary>
[TestClass]
public sealed class DifferentialTests
{
    private const int VariantCount = 200;
    private const int Seed = 20261122;
    private const int ReaderParallelism = 4;

    // Well-formed variants SmartOffice may refuse as malformed before the test fails: readers and the
    // validator both tolerate things the other does not, but not often on files written correctly.
    private const double RefusedFractionAllowed = 0.02;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SmartOffice_sees_what_poppler_and_qpdf_see_in_generated_letters()
    {
        RequireReaders();
        var clock = Stopwatch.StartNew();
        var variants = LetterVariants.Generate(VariantCount, Seed).ToList();
        var generated = clock.Elapsed;

        // SmartOffice first, one file at a time (the shared validator's caches are not the subject here).
        var smartOffice = variants.ToDictionary(
            v => v.Name,
            v => (Scan: PdfScanner.Scan(v.File, new PdfScanLimits()), Report: TestCorpus.Validate(v.File))
        );
        var work = Directory.CreateTempSubdirectory("smartoffice-differential-");
        var kept = Path.Combine(Environment.CurrentDirectory, "TestResults", "differential");
        if (Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }

        var findings = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        var readerFailures = new ConcurrentBag<string>();
        var views = new ConcurrentDictionary<string, ReaderView>();
        try
        {
            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = ReaderParallelism,
                CancellationToken = TestContext.CancellationToken,
            };
            await Parallel.ForEachAsync(variants, options, async (variant, cancellation) =>
            {
                var path = Path.Combine(work.FullName, variant.Name + ".pdf");
                await File.WriteAllBytesAsync(path, variant.File, cancellation);
                var readers = await ExternalReaders.ReadAsync(path, cancellation);
                views[variant.Name] = readers;
                var (scan, report) = smartOffice[variant.Name];
                var problems = VariantComparison.Compare(variant.Planted, scan, report, readers);
                if (
                    scan.ErrorCode is ValidationCodes.PdfMalformed or ValidationCodes.NotPdf
                    && !variant.Planted.Hostile
                )
                {
                    refused.Add($"{variant.Name}: {scan.ErrorDetail} (kept as {Keep(kept, variant)})");
                }

                if (readers.QpdfObjects is null || readers.PopplerEncrypted is null)
                {
                    readerFailures.Add(variant.Name);
                }

                if (problems.Count > 0)
                {
                    findings.Add(
                        $"{variant.Name} (kept as {Keep(kept, variant)}):\n  - {string.Join("\n  - ", problems)}\n  "
                            + $"SmartOffice: {Describe(scan, report)}\n  "
                            + $"{readers.Transcript.Replace("\n", "\n  ", StringComparison.Ordinal)}"
                    );
                }
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var wellFormed = variants.Count(v => !v.Planted.Hostile);
        TestContext.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{variants.Count} variants ({wellFormed} well-formed) generated in {generated.TotalSeconds:F1} s, "
                    + $"compared in {clock.Elapsed.TotalSeconds:F1} s"
            )
        );
        TestContext.WriteLine(
            "SmartOffice codes: "
                + string.Join(
                    ", ",
                    smartOffice
                        .Values.GroupBy(r => r.Report.Code)
                        .OrderBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => $"{g.Key} {g.Count()}")
                )
        );
        // How much each comparison had to bite on: a generator that stopped planting would show here as zeros.
        TestContext.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"readers saw: JavaScript in {views.Values.Count(v => v.PopplerJavaScript == true)}, signed fields "
            )
                + string.Create(
                    CultureInfo.InvariantCulture,
                    $"in {views.Values.Count(v => v.PopplerSignatures > 0)}, encryption in "
                )
                + string.Create(
                    CultureInfo.InvariantCulture,
                    $"{views.Values.Count(v => v.PopplerEncrypted == true || v.QpdfEncrypted == true)}; "
                )
                + "one-revision object sets compared: "
                + variants
                    .Count(v =>
                        v.Planted.Revisions == 1
                        && views[v.Name].QpdfObjects is not null
                        && smartOffice[v.Name].Scan.ErrorCode is null
                    )
                    .ToString(CultureInfo.InvariantCulture)
        );
        TestContext.WriteLine(
            $"variants a reader could not open (allowed, not compared): {readerFailures.Count}: "
                + $"{string.Join(", ", readerFailures.Order(StringComparer.Ordinal))}"
        );

        var summary = new StringBuilder();
        if (!findings.IsEmpty)
        {
            summary.Append(
                CultureInfo.InvariantCulture,
                $"{findings.Count} variant(s) where SmartOffice disagrees with a reader or with what was planted:\n\n"
            );
            summary.AppendJoin("\n\n", findings.Order(StringComparer.Ordinal)).Append("\n\n");
        }

        if (refused.Count > Math.Max(1, wellFormed * RefusedFractionAllowed))
        {
            summary.Append(
                CultureInfo.InvariantCulture,
                $"{refused.Count} of {wellFormed} well-formed variants were refused as malformed (at most "
                    + $"{RefusedFractionAllowed:P0} may be):\n"
            );
            summary.AppendJoin("\n", refused.Order(StringComparer.Ordinal));
        }

        if (summary.Length > 0)
        {
            Assert.Fail(summary.ToString());
        }
    }

    private static void RequireReaders()
    {
        var missing = ExternalReaders.Missing();
        if (missing.Count == 0)
        {
            return;
        }

        var message =
            $"{string.Join(", ", missing)} not found: run ./test.sh, which installs Debian's poppler-utils and qpdf";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_BROWSER")))
        {
            Assert.Fail(message);
        }

        Assert.Inconclusive(message);
    }

    private static string Keep(string folder, LetterVariant variant)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, variant.Name + ".pdf");
        File.WriteAllBytes(path, variant.File);
        return path;
    }

    private static string Describe(PdfScanResult scan, ValidationReport report) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Code} ({scan.ErrorCode ?? "scanned"}: {scan.ErrorDetail}); signatures "
                + $"{scan.Signatures.Count}, shown {scan.ShownSignatureObjects.Count}, objects {scan.ObjectCount}, "
                + $"revisions {scan.RevisionEnds.Count}; active content: {string.Join("; ", scan.ActiveContent)}"
        );
}
