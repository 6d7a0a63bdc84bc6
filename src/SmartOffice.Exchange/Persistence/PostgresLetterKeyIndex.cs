namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// PostgreSQL's search index of letters: every distinct search key once in <c>SearchKeys</c> (id, key in byte order),
/// and each letter's keys as an array of those ids in a narrow table <c>LetterKeys</c> with a GIN index, both kept
/// from Letters.SearchText by triggers. A query word becomes the ids of the keys it starts (a range of the keys'
/// B-tree, since they are stored in byte order) and the letters are those whose array overlaps them. Ids rather than
/// words, because a search visits the row of every letter the index finds (to check it is visible): about 400 bytes a
/// letter instead of 1.5 KB keeps those rows few pages and in shared buffers at 100,000 letters an agency.
/// The GIN index takes no pending list, so a search never scans recent letters one by one. New keys are added in byte
/// order, so two letters adding the same new keys wait for each other rather than deadlock; a key is added only when
/// missing, so the ids' sequence grows with the vocabulary, not with the letters. Neither table nor the triggers are
/// in the EF model; only the search query (raw SQL) names them.
/// </summary>
public static class PostgresLetterKeyIndex
{
    public const string Keys = "SearchKeys";

    public const string Table = "LetterKeys";

    public static readonly IReadOnlyList<string> Create =
    [
        $"CREATE TABLE IF NOT EXISTS \"{Keys}\" (\"Id\" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "\"Key\" text COLLATE \"C\" NOT NULL UNIQUE);",
        $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"LetterId\" uuid PRIMARY KEY "
            + "REFERENCES \"Letters\" (\"Id\") ON DELETE CASCADE, \"Keys\" integer[] NOT NULL);",
        $"CREATE OR REPLACE FUNCTION \"{Table}_Keep\"() RETURNS trigger LANGUAGE plpgsql AS $$ "
            + $"DECLARE words text[] := {WordsOf("NEW")}; BEGIN "
            + $"INSERT INTO \"{Keys}\" (\"Key\") SELECT w FROM unnest(words) w "
            + $"WHERE NOT EXISTS (SELECT 1 FROM \"{Keys}\" k WHERE k.\"Key\" = w) ORDER BY w "
            + "ON CONFLICT (\"Key\") DO NOTHING; "
            + $"INSERT INTO \"{Table}\" (\"LetterId\", \"Keys\") VALUES (NEW.\"Id\", {IdsOf("words")}) "
            + "ON CONFLICT (\"LetterId\") DO UPDATE SET \"Keys\" = EXCLUDED.\"Keys\"; RETURN NULL; END $$;",
        $"CREATE TRIGGER \"Letters_{Table}_Insert\" AFTER INSERT ON \"Letters\" FOR EACH ROW "
            + $"EXECUTE FUNCTION \"{Table}_Keep\"();",
        $"CREATE TRIGGER \"Letters_{Table}_Update\" AFTER UPDATE OF \"SearchText\" ON \"Letters\" "
            + "FOR EACH ROW WHEN (OLD.\"SearchText\" IS DISTINCT FROM NEW.\"SearchText\") "
            + $"EXECUTE FUNCTION \"{Table}_Keep\"();",
        $"INSERT INTO \"{Keys}\" (\"Key\") SELECT DISTINCT w FROM \"Letters\" l, "
            + "unnest(string_to_array(l.\"SearchText\", ' ')) w "
            + $"WHERE w <> '' AND length(w) <= {Letters.Search.LetterSearchText.MaxKeyLength} ORDER BY w "
            + "ON CONFLICT DO NOTHING;",
        $"INSERT INTO \"{Table}\" (\"LetterId\", \"Keys\") SELECT l.\"Id\", {IdsOf(WordsOf("l"))} FROM \"Letters\" l "
            + "ON CONFLICT (\"LetterId\") DO NOTHING;",
        $"CREATE INDEX IF NOT EXISTS \"IX_{Table}_Keys\" ON \"{Table}\" USING gin (\"Keys\") WITH (fastupdate = off);",
        $"ANALYZE \"{Keys}\";",
        $"ANALYZE \"{Table}\";",
    ];

    public static readonly IReadOnlyList<string> Drop =
    [
        $"DROP TRIGGER IF EXISTS \"Letters_{Table}_Update\" ON \"Letters\";",
        $"DROP TRIGGER IF EXISTS \"Letters_{Table}_Insert\" ON \"Letters\";",
        $"DROP FUNCTION IF EXISTS \"{Table}_Keep\"();",
        $"DROP TABLE IF EXISTS \"{Table}\";",
        $"DROP TABLE IF EXISTS \"{Keys}\";",
    ];

    /// <summary>
    /// The condition that a letter's keys include one that <paramref name="prefixes"/> start (or, when
    /// <paramref name="whole"/>, one that equals one of them). Prefixes must be letters and digits only: they are
    /// written into the statement, so that the B-tree range of each is known when the statement is planned.
    /// </summary>
    public static string Overlaps(IEnumerable<string> prefixes, bool whole)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        return $"\"Keys\" && ARRAY(SELECT \"Id\" FROM \"{Keys}\" WHERE {KeysFitting(prefixes, whole)})";
    }

    /// <summary>
    /// A statement reading the ids of the keys each group of <paramref name="prefixes"/> starts, as rows ("Word", "Id")
    /// numbered by group: read before a search, so that the search names its keys' ids and the planner can tell from
    /// the index's statistics how many letters they find.
    /// </summary>
    public static string KeyIdsOf(IReadOnlyList<IEnumerable<string>> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        return string.Join(
            " UNION ALL ",
            prefixes.Select(
                (group, i) => $"SELECT {i} AS \"Word\", \"Id\" FROM \"{Keys}\" WHERE {KeysFitting(group, whole: false)}"
            )
        );
    }

    /// <summary>
    /// The condition that a letter's keys include one of these ids, written out (as ARRAY[…]: a statement run through
    /// EF's raw SQL must not hold braces).
    /// </summary>
    public static string OverlapsIds(IEnumerable<int> ids)
    {
        var list = string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"\"Keys\" && ARRAY[{list}]::integer[]";
    }

    /// <summary>The condition on SearchKeys that a key equals (whole) or starts with one of the prefixes.</summary>
    private static string KeysFitting(IEnumerable<string> prefixes, bool whole) =>
        string.Join(
            " OR ",
            prefixes.Select(p => whole ? $"\"Key\" = '{Checked(p)}'" : $"\"Key\" LIKE '{Checked(p)}%'")
        );

    // Keys are letters and digits (MongolianSearch.Words): no quote, and nothing LIKE reads as a wildcard.
    private static string Checked(string key) =>
        key.Length > 0 && key.All(char.IsLetterOrDigit)
            ? key
            : throw new ArgumentException("a search key is letters and digits", nameof(key));

    // Keys past the bound (LetterSearchText.MaxKeyLength) are left out here too, so
    // that a letter stored before the bound, or by other code, never fails on the B-tree's entry size limit.
    private static string WordsOf(string row) =>
        $"ARRAY(SELECT DISTINCT w FROM unnest(string_to_array({row}.\"SearchText\", ' ')) w "
        + $"WHERE w <> '' AND length(w) <= {Letters.Search.LetterSearchText.MaxKeyLength} ORDER BY w)";

    private static string IdsOf(string words) =>
        $"ARRAY(SELECT k.\"Id\" FROM \"{Keys}\" k WHERE k.\"Key\" = ANY({words}) ORDER BY 1)";
}
