using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using SmartOffice.Api.Infrastructure;
using SmartOffice.Signing;
using SmartOffice.Signing.Demo;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// Submissions through the real pipeline (bearer auth, multipart upload, validation, archive fsync, PostgreSQL
/// commit) of ~50 KB letters, with the load generator in the same process; in the same run, validation alone.
/// Needs PostgreSQL: SMARTOFFICE_BENCH_POSTGRES or SMARTOFFICE_TEST_POSTGRES (./test.sh starts one).
/// </summary>
internal static class SubmissionBenchmark
{
    private const int UniqueLetters = 300;

    public static async Task<int> RunAsync()
    {
        var admin = Environment.GetEnvironmentVariable("SMARTOFFICE_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine(
                "set SMARTOFFICE_BENCH_POSTGRES (an admin connection string) to run the submission benchmark"
            );
            return 2;
        }

        var pki = DemoPki.Create();
        var folder = Directory.CreateTempSubdirectory("smartoffice-bench-api-").FullName;
        pki.WriteTo(Path.Combine(folder, "pki"));
        var database = $"smartoffice_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }

        var url = "http://127.0.0.1:5197";
        await using var app = await StartApiAsync(
            url,
            folder,
            new NpgsqlConnectionStringBuilder(admin)
            {
                Database = database,
                MaxPoolSize = Measure.PoolSize,
            }.ConnectionString
        );
        Console.WriteLine(
            $"SmartOffice submission benchmark — {Environment.ProcessorCount} cores, PostgreSQL, letters of ~50 KB"
        );
        var letters = SignLetters(pki);
        var work = new WorkItems(letters, WorkItems.DemoRecipients);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri(url),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            await LoginAsync(http, pki.CompanyA)
        );

        var warmUp = await Measure.WarmUpAsync(
            slice => Load(http, work, concurrency: 32, slice, rate: null),
            TimeSpan.FromSeconds(90)
        );
        var saturated = await Load(http, work, concurrency: 32, TimeSpan.FromSeconds(10), rate: null);
        var paced = await Load(http, work, concurrency: 64, TimeSpan.FromSeconds(10), rate: 300);
        var validator = new PdfSignatureValidator(
            new SignatureValidationOptions
            {
                TrustDir = Path.Combine(folder, "pki", "trust"),
                CrlPaths = [Path.Combine(folder, "pki", "crl")],
            }
        );
        var index = 0;
        var validation = Measure.Run(
            () =>
                validator.Validate(
                    letters[index++ % letters.Count],
                    new ValidationRequest { ExpectedRegistryNumber = "5123456" }
                ),
            TimeSpan.FromSeconds(3)
        );

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"warm-up until the JIT settled: {warmUp.Took.TotalSeconds:F0} s (last 2 s: "
                    + $"{warmUp.LastSliceCompilations} methods compiled)"
            )
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"saturated (32 clients): {saturated.PerSecond, 7:F0} accepted/s   p50 {saturated.P50, 6:F1} ms   "
                    + $"p99 {saturated.P99, 6:F1} ms   errors {saturated.Errors}"
            )
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"paced at 300/s:         {paced.PerSecond, 7:F0} accepted/s   p50 {paced.P50, 6:F1} ms   p99 "
                    + $"{paced.P99, 6:F1} ms   errors {paced.Errors}"
            )
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"validation alone (1 thread): {validation.OpsPerSecond:F0}/s, {validation.MeanMicroseconds:F0} µs; "
                    + $"one submission costs {validation.OpsPerSecond / saturated.PerSecond:F1}× one validation of "
                    + $"machine time"
            )
        );
        Console.WriteLine(
            "goal: ≥ 600 accepted/s saturated, p99 < 100 ms at 300/s; each acceptance fsync'd (archive) and "
                + "committed (PostgreSQL, fsync on)"
        );
        return saturated.PerSecond >= 600 && paced.P99 < 100 ? 0 : 1;
    }

    internal static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartApiAsync(
        string url,
        string folder,
        string connectionString,
        IDictionary<string, string?>? extra = null
    )
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:SmartOffice"] = connectionString,
                ["Data:Path"] = folder,
                ["Signing:TrustDir"] = Path.Combine(folder, "pki", "trust"),
                ["Signing:CrlDir"] = Path.Combine(folder, "pki", "crl"),
                ["Seal:CertificatePath"] = Path.Combine(folder, "pki", "p12", "seal.p12"),
                ["Seal:Password"] = "demo",
                ["Limits:SubmissionsPerWindow"] = "1000000",
                ["Limits:DuplicateWindowHours"] = "0",
                ["Outbox:Enabled"] = "false",
            }
        );
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }

        builder.AddSmartOfficeApi();
        var app = builder.Build();
        await app.PrepareAsync();
        app.MapSmartOfficeApi();
        app.Urls.Add(url);
        await app.StartAsync();
        return app;
    }

    internal static List<byte[]> SignLetters(DemoPki pki)
    {
        var letters = new ConcurrentBag<byte[]>();
        Parallel.For(0, UniqueLetters, i =>
            letters.Add(
                PdfSigner.Sign(
                    DemoLetter.Create(
                        new DemoLetterContent(
                            "Монгол Ачаа Тээвэр ХХК",
                            "5123456",
                            "Нийслэлийн Засаг Даргын Тамгын Газар",
                            $"2026/{i}",
                            new DateOnly(2026, 11, 22),
                            $"Барилгын зөвшөөрөл №{i}",
                            "Улаанбаатар хотын Хан-Уул дүүрэгт агуулах барих зөвшөөрөл хүсч байна."
                        )
                    ),
                    pki.CompanyA.Certificate,
                    pki.CompanyA.Chain
                )
            )
        );
        return [.. letters];
    }

    internal static async Task<string> LoginAsync(HttpClient http, DemoIdentity identity)
    {
        var nonce = (await (await http.PostAsync("/api/auth/challenge", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("nonce")
            .GetString()!;
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(
            new System.Security.Cryptography.Pkcs.ContentInfo(System.Text.Encoding.UTF8.GetBytes(nonce)),
            detached: true
        );
        var signer = new System.Security.Cryptography.Pkcs.CmsSigner(identity.Certificate);
        signer.Certificates.AddRange(identity.Chain.ToArray());
        cms.ComputeSignature(signer, silent: true);
        var token = await (
            await http.PostAsJsonAsync(
                "/api/auth/token",
                new { nonce, signature = Convert.ToBase64String(cms.Encode()) }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        return token.GetProperty("accessToken").GetString()!;
    }

    private sealed record LoadResult(double PerSecond, double P50, double P99, int Errors);

    private static async Task<LoadResult> Load(
        HttpClient http,
        WorkItems work,
        int concurrency,
        TimeSpan duration,
        int? rate
    )
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        var issued = 0;
        async Task Client()
        {
            while (watch.Elapsed < duration)
            {
                var item = work.Next();
                if (rate is { } perSecond)
                {
                    var due = TimeSpan.FromSeconds(Interlocked.Increment(ref issued) / (double)perSecond);
                    if (due > watch.Elapsed)
                    {
                        await Task.Delay(due - watch.Elapsed);
                    }
                }

                var started = Stopwatch.GetTimestamp();
                using var form = LetterForm.Of(item.Letter, item.Recipient);
                using var response = await http.PostAsync("/api/letters", form);
                if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Client)));
        var sorted = latencies.Order().ToList();
        double Percentile(double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
        return new LoadResult(sorted.Count / watch.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), errors);
    }
}
