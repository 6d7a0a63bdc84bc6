using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartOffice.Api.Features.Letters;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing.Demo;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// The clerk's inbox with 100,000 letters in one agency on PostgreSQL: the first page (with the per-tab counts), a
/// page 50,000 letters deep by keyset (what the workspace does), a search, and in the same run the same deep page by
/// OFFSET as the baseline. Needs SMARTOFFICE_BENCH_POSTGRES or SMARTOFFICE_TEST_POSTGRES.
/// </summary>
internal static class InboxBenchmark
{
    private const int Letters = 100_000;
    private const int Depth = 50_000;
    private const int Rounds = 40;

    public static async Task<int> RunAsync()
    {
        var admin = Environment.GetEnvironmentVariable("SMARTOFFICE_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine(
                "set SMARTOFFICE_BENCH_POSTGRES (an admin connection string) to run the inbox benchmark"
            );
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("smartoffice-bench-inbox-").FullName;
        DemoPki.Create().WriteTo(Path.Combine(folder, "pki"));
        // A named database is kept between runs and seeded only once: for trying queries against the same letters.
        var kept = Environment.GetEnvironmentVariable("SMARTOFFICE_BENCH_INBOX_DATABASE");
        var database = string.IsNullOrEmpty(kept) ? $"smartoffice_bench_{Guid.NewGuid():N}" : kept;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var exists = await new NpgsqlCommand(
                $"SELECT 1 FROM pg_database WHERE datname = '{database}'",
                connection
            ).ExecuteScalarAsync();
            if (exists is null)
            {
                await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
            }
        }

        await using var app = await SubmissionBenchmark.StartApiAsync(
            "http://127.0.0.1:5198",
            folder,
            new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString
        );
        Console.WriteLine(
            $"SmartOffice inbox benchmark — {Environment.ProcessorCount} cores, PostgreSQL, {Letters:N0} letters in "
                + $"one agency"
        );
        var agency = await SeedAsync(app.Services);

        var clock = app.Services.GetRequiredService<SmartOffice.Api.Infrastructure.ServiceClock>();
        var today = clock.Today;
        var newTab = new ReceivedFilter(ReceivedFilter.New, null, null, null, null, null, false);
        var deepCursor = await DeepCursorAsync(app.Services, agency);
        var first = await TimeAsync(app.Services, db =>
            new ReceivedLetters(db, clock).ReadAsync(agency, true, newTab, null, today, default)
        );
        var deep = await TimeAsync(app.Services, db =>
            new ReceivedLetters(db, clock).ReadAsync(agency, true, newTab, deepCursor, today, default)
        );
        Task<Timing> SearchAsync(string query) =>
            TimeAsync(app.Services, db =>
                new ReceivedLetters(db, clock).ReadAsync(
                    agency,
                    true,
                    newTab with
                    {
                        Search = query,
                    },
                    null,
                    today,
                    default
                )
            );
        var search = await SearchAsync("№99999");
        var commonWord = await SearchAsync("барилга");
        var rareWords = await SearchAsync("гэрэлтүүлэг шугам");
        var latin = await SearchAsync("zasag");
        var deepAt = new DateTimeOffset(
            long.Parse(deepCursor.Split('.')[0], CultureInfo.InvariantCulture),
            TimeSpan.Zero
        );
        var keysetRows = await TimeAsync(app.Services, db =>
            db.Deliveries.AsNoTracking()
                .Where(d =>
                    d.RecipientOrganizationId == agency && d.State == DeliveryState.Delivered && d.DeliveredAt <= deepAt
                )
                .OrderByDescending(d => d.DeliveredAt)
                .ThenByDescending(d => d.Id)
                .Take(ReceivedLetters.PageSize + 1)
                .Select(d => d.Letter!.Subject)
                .ToListAsync()
        );
        var offset = await TimeAsync(app.Services, db =>
            db.Deliveries.AsNoTracking()
                .Where(d => d.RecipientOrganizationId == agency && d.State == DeliveryState.Delivered)
                .OrderByDescending(d => d.DeliveredAt)
                .ThenByDescending(d => d.Id)
                .Skip(Depth)
                .Take(ReceivedLetters.PageSize + 1)
                .Select(d => d.Letter!.Subject)
                .ToListAsync()
        );

        Print("first page + tab counts", first);
        Print($"keyset page {Depth:N0} deep + counts", deep);
        Print("search: a number (№99999)", search);
        Print("search: a subject word (1 letter in 7)", commonWord);
        Print("search: two words, by stem", rareWords);
        Print("search: Latin typed (zasag)", latin);
        Print($"keyset {Depth:N0} deep, rows only", keysetRows);
        Print($"baseline: OFFSET {Depth:N0}, rows only", offset);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"deep/first page: {deep.P50 / first.P50:F2}×; OFFSET/keyset for the same rows: "
                    + $"{offset.P50 / keysetRows.P50:F1}×"
            )
        );

        // 100,000 letters take a few hundred megabytes: the run leaves no database behind unless asked to.
        await app.StopAsync();
        if (!string.IsNullOrEmpty(kept))
        {
            return 0;
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }

        return 0;
    }

    private sealed record Timing(double P50, double P99);

    private static void Print(string what, Timing timing) =>
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what, -38} p50 {timing.P50, 7:F1} ms   p99 {timing.P99, 7:F1} ms"
            )
        );

    private static async Task<Timing> TimeAsync<T>(IServiceProvider services, Func<ExchangeDbContext, Task<T>> query)
    {
        var samples = new List<double>();
        for (var i = 0; i < Rounds + 5; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var started = Stopwatch.GetTimestamp();
            await query(db);
            if (i >= 5)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        return new Timing(samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)]);
    }

    private static async Task<string> DeepCursorAsync(IServiceProvider services, Guid agency)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var at = await db
            .Deliveries.Where(d => d.RecipientOrganizationId == agency)
            .OrderByDescending(d => d.DeliveredAt)
            .ThenByDescending(d => d.Id)
            .Skip(Depth)
            .Select(d => d.DeliveredAt!.Value)
            .FirstAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}.0");
    }

    private static readonly string[] Subjects =
    [
        "Барилгын зөвшөөрөл",
        "Гудамжны гэрэлтүүлгийн ажил",
        "Засаг даргын захирамжийн тухай",
        "Газрын харилцааны асуудал",
        "Сургуулийн засвар",
        "Хурлын тэмдэглэл",
        "Төсвийн төлөвлөгөө",
    ];

    private static readonly string[] Vocabulary =
    [
        .. Words("албан бичиг хүсэлт тайлан шийдвэр хороо дүүрэг хот нийслэл иргэн аж ахуйн нэгж"),
        .. Words("байгууллага хэлтэс алба төсөл санхүүжилт гэрээ тендер худалдан авалт ажлын хэсэг"),
        .. Words("хяналт шалгалт зөвшөөрөл лиценз тусгай зам талбай цахилгаан шугам сүлжээ ус"),
        .. Words("хангамж дулаан орон сууц эмнэлэг цэцэрлэг сургууль спорт хугацаа сунгах хариу"),
        .. Words("өгөх мэдэгдэл танилцуулга хавсралт хуудас дугаар огноо гарын үсэг тамга"),
    ];

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // A page of text of about 120 words drawn from the vocabulary, different for each letter.
    private static string Body(int seed)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, 120).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
    }

    // One letter a minute for ~70 days, all delivered (new), from two companies.
    private static async Task<Guid> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var agency = await db.Organizations.SingleAsync(o => o.RegistryNumber == "9011001");
        if (await db.Deliveries.CountAsync(d => d.RecipientOrganizationId == agency.Id) >= Letters)
        {
            return agency.Id;
        }

        var senders = await db
            .Organizations.Where(o => o.RegistryNumber == "5123456" || o.RegistryNumber == "6234567")
            .ToListAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-Letters);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Letters; i++)
        {
            var sender = senders[i % senders.Count];
            var letter = new Letter
            {
                SenderOrganizationId = sender.Id,
                SenderRegistryNumber = sender.RegistryNumber,
                Subject = $"{Subjects[i % Subjects.Length]} №{i}",
                Reference = $"2026/{i}",
                SearchText = LetterSearchText.Build($"{Subjects[i % Subjects.Length]} №{i}", $"2026/{i}", Body(i)),
                DocumentSha256 = $"{i:x64}",
                ValidationReportJson = "{}",
                RecipientKey = "9011001",
                SubmittedAt = start.AddMinutes(i),
            };
            letter.Deliveries.Add(
                new Delivery
                {
                    RecipientOrganizationId = agency.Id,
                    RecipientRegistryNumber = "9011001",
                    State = DeliveryState.Delivered,
                    DeliveredAt = start.AddMinutes(i),
                }
            );
            db.Letters.Add(letter);
            if (i % 5_000 == 4_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"seeded {Letters:N0} letters in {watch.Elapsed.TotalSeconds:F0} s"
            )
        );
        return agency.Id;
    }
}
