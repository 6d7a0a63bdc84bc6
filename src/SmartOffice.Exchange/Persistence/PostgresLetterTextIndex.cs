namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// PostgreSQL's full-text index of letters: the search keys as a stored, generated <c>tsvector</c> column with a GIN
/// index, so a prefix query reads stored words instead of parsing each letter's text again. The column is not in the
/// EF model: loading a letter never carries its words, and only the search query (raw SQL) names it.
/// </summary>
public static class PostgresLetterTextIndex
{
    public const string Column = "SearchWords";

    public static readonly IReadOnlyList<string> Create =
    [
        $"ALTER TABLE \"Letters\" ADD COLUMN IF NOT EXISTS \"{Column}\" tsvector "
            + "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, \"SearchText\")) STORED;",
        $"CREATE INDEX IF NOT EXISTS \"IX_Letters_{Column}\" ON \"Letters\" USING gin (\"{Column}\");",
    ];

    public static readonly IReadOnlyList<string> Drop =
    [
        $"DROP INDEX IF EXISTS \"IX_Letters_{Column}\";",
        $"ALTER TABLE \"Letters\" DROP COLUMN IF EXISTS \"{Column}\";",
    ];
}
