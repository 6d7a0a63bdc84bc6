namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// The former PostgreSQL full-text index of letters (a narrow table of letter and stripped <c>tsvector</c> with a GIN
/// index, kept by triggers), and before it the generated words column in the Letters rows. Only the migrations that
/// create and remove them use these statements; searches use <see cref="PostgresLetterKeyIndex"/>.
/// </summary>
public static class PostgresLetterTextIndex
{
    public const string Table = "LetterWords";

    public static readonly IReadOnlyList<string> Create =
    [
        $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"LetterId\" uuid PRIMARY KEY "
            + "REFERENCES \"Letters\" (\"Id\") ON DELETE CASCADE, \"Words\" tsvector NOT NULL);",
        $"ALTER TABLE \"{Table}\" ALTER COLUMN \"Words\" SET STORAGE EXTERNAL;",
        $"CREATE OR REPLACE FUNCTION \"{Table}_Keep\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + $"INSERT INTO \"{Table}\" (\"LetterId\", \"Words\") VALUES (NEW.\"Id\", {WordsOf("NEW")}) "
            + "ON CONFLICT (\"LetterId\") DO UPDATE SET \"Words\" = EXCLUDED.\"Words\"; RETURN NULL; END $$;",
        $"CREATE TRIGGER \"Letters_{Table}_Insert\" AFTER INSERT ON \"Letters\" FOR EACH ROW "
            + $"EXECUTE FUNCTION \"{Table}_Keep\"();",
        $"CREATE TRIGGER \"Letters_{Table}_Update\" AFTER UPDATE OF \"SearchText\" ON \"Letters\" "
            + "FOR EACH ROW WHEN (OLD.\"SearchText\" IS DISTINCT FROM NEW.\"SearchText\") "
            + $"EXECUTE FUNCTION \"{Table}_Keep\"();",
        $"INSERT INTO \"{Table}\" (\"LetterId\", \"Words\") SELECT l.\"Id\", {WordsOf("l")} "
            + "FROM \"Letters\" l ON CONFLICT (\"LetterId\") DO NOTHING;",
        $"CREATE INDEX IF NOT EXISTS \"IX_{Table}_Words\" ON \"{Table}\" USING gin (\"Words\") "
            + "WITH (fastupdate = off);",
        $"ANALYZE \"{Table}\";",
    ];

    private static string WordsOf(string row) => $"strip(to_tsvector('simple'::regconfig, {row}.\"SearchText\"))";

    public static readonly IReadOnlyList<string> Drop =
    [
        $"DROP TRIGGER IF EXISTS \"Letters_{Table}_Update\" ON \"Letters\";",
        $"DROP TRIGGER IF EXISTS \"Letters_{Table}_Insert\" ON \"Letters\";",
        $"DROP FUNCTION IF EXISTS \"{Table}_Keep\"();",
        $"DROP TABLE IF EXISTS \"{Table}\";",
    ];

    /// <summary>The stored, generated words column in the Letters rows that the narrow table replaced.</summary>
    public static class InLetters
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
}
