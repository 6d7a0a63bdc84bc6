using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Letters.Search;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Tests.Migrations;

namespace SmartOffice.Exchange.Tests.Search;

/// <summary>
/// PostgreSQL's search index as the triggers keep it: each distinct key once, each letter's keys as ids, kept when a
/// letter's keys are filled in later, and safe under letters stored at the same time with the same new words.
/// </summary>
[TestClass]
public sealed class PostgresLetterKeyIndexTests
{
    [TestMethod]
    public async Task Each_key_is_stored_once_and_a_letter_is_found_by_a_prefix_of_its_words()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseRegistration.Postgres);
        await database.Services.MigrateExchangeDatabaseAsync();
        var sender = await SenderAsync(database);
        var first = await LetterAsync(database, sender, "Гэрэлтүүлгийн шугам", "барилгын ажил");
        var second = await LetterAsync(database, sender, "Гэрэлтүүлэг", "барилга");
        var keysAfterTwo = await ScalarAsync(database, $"SELECT count(*) FROM \"{PostgresLetterKeyIndex.Keys}\"");
        var distinct = await ScalarAsync(
            database,
            "SELECT count(DISTINCT w) FROM \"Letters\", unnest(string_to_array(\"SearchText\", ' ')) w WHERE w <> ''"
        );
        Assert.AreEqual(distinct, keysAfterTwo, "every distinct key once");
        var lastId = await ScalarAsync(database, $"SELECT last_value FROM \"{PostgresLetterKeyIndex.Keys}_Id_seq\"");
        Assert.AreEqual(keysAfterTwo, lastId, "a key already stored takes no number from the sequence");

        CollectionAssert.AreEquivalent(new[] { first, second }, await FindAsync(database, "барилг", whole: false));
        CollectionAssert.AreEquivalent(new[] { first }, await FindAsync(database, "шугам", whole: false));
        Assert.IsEmpty(await FindAsync(database, "барил", whole: true), "a whole-key match takes no prefix");
        Assert.IsEmpty(await FindAsync(database, "цэцэрлэг", whole: false));
    }

    [TestMethod]
    public async Task Keys_filled_in_later_replace_a_letters_keys()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseRegistration.Postgres);
        await database.Services.MigrateExchangeDatabaseAsync();
        var sender = await SenderAsync(database);
        var letter = await LetterAsync(database, sender, "Хуучин бичиг", body: null);
        Assert.IsEmpty(await FindAsync(database, "цэцэрлэг", whole: false));

        var text = LetterSearchText.Build("Хуучин бичиг", "Цэцэрлэгийн засвар");
        await database.UseAsync(db =>
            db.Letters.Where(l => l.Id == letter).ExecuteUpdateAsync(s => s.SetProperty(l => l.SearchText, text))
        );

        CollectionAssert.AreEqual(new[] { letter }, await FindAsync(database, "цэцэрлэг", whole: false));
    }

    [TestMethod]
    public async Task A_run_of_letters_past_any_words_length_is_left_out_and_the_letter_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseRegistration.Postgres);
        await database.Services.MigrateExchangeDatabaseAsync();
        var sender = await SenderAsync(database);
        // Longer than a B-tree entry may be (about 2.7 KB): written as is, past the bound LetterSearchText keeps.
        // Random letters, so that PostgreSQL cannot compress the entry under the limit either.
        var random = new Random(7);
        var blob = string.Concat(Enumerable.Range(0, 3_000).Select(_ => (char)('а' + random.Next(32))));
        var letter = await LetterAsync(database, sender, "Хавсралт", body: null, searchText: $" хавсралт {blob} ");

        CollectionAssert.AreEqual(new[] { letter }, await FindAsync(database, "хавсралт", whole: true));
        Assert.IsEmpty(await FindAsync(database, blob[..20], whole: false));
        Assert.DoesNotContain(blob, LetterSearchText.Build("Хавсралт", blob), "the keys leave it out too");
    }

    [TestMethod]
    public async Task Letters_stored_at_once_with_the_same_new_words_are_all_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseRegistration.Postgres);
        await database.Services.MigrateExchangeDatabaseAsync();
        var sender = await SenderAsync(database);
        // The same new words in opposite orders: added in byte order, they wait for each other but never deadlock.
        const string letters = "бвгдклмнпр";
        var words = Enumerable.Range(0, 40).Select(i => $"шинэ{letters[i / 10]}{letters[i % 10]}").ToArray();
        var stored = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(i =>
                    LetterAsync(database, sender, "Зэрэг", string.Join(' ', i % 2 == 0 ? words : words.Reverse()))
                )
        );

        CollectionAssert.AreEquivalent(stored, await FindAsync(database, "шинэдр", whole: false));
        Assert.AreEqual(
            1L,
            await ScalarAsync(
                database,
                $"SELECT count(*) FROM \"{PostgresLetterKeyIndex.Keys}\" WHERE \"Key\" = 'шинэбн'"
            )
        );
    }

    private static async Task<Guid> SenderAsync(TestDatabase database)
    {
        var organization = new Organization
        {
            RegistryNumber = "5123456",
            Name = "Туршилт ХХК",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        await database.UseAsync(async db =>
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        });
        return organization.Id;
    }

    /// <param name="searchText">The keys as stored, when not those <see cref="LetterSearchText.Build"/> makes.</param>
    private static async Task<Guid> LetterAsync(
        TestDatabase database,
        Guid sender,
        string subject,
        string? body,
        string? searchText = null
    )
    {
        var letter = new Letter
        {
            SenderOrganizationId = sender,
            SenderRegistryNumber = "5123456",
            Subject = subject,
            DocumentSha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'),
            ValidationReportJson = "{}",
            RecipientKey = "9011001",
            SubmittedAt = DateTimeOffset.UnixEpoch,
            SearchText = searchText ?? (body is null ? "" : LetterSearchText.Build(subject, body)),
        };
        await database.UseAsync(async db =>
        {
            db.Letters.Add(letter);
            await db.SaveChangesAsync();
        });
        return letter.Id;
    }

    private static Task<List<Guid>> FindAsync(TestDatabase database, string key, bool whole) =>
        database.UseAsync(db =>
#pragma warning disable EF1003 // The condition is built from a checked key.
            db.Database.SqlQueryRaw<Guid>(
                    $"SELECT \"LetterId\" AS \"Value\" FROM \"{PostgresLetterKeyIndex.Table}\" WHERE "
                        + PostgresLetterKeyIndex.Overlaps([key], whole)
                )
#pragma warning restore EF1003
                .ToListAsync()
        );

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return Convert.ToInt64(
            await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(),
            System.Globalization.CultureInfo.InvariantCulture
        );
    }
}
