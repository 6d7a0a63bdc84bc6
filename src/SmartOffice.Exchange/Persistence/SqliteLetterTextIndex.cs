using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Exchange.Persistence;

/// <summary>
/// The embedded default's full-text index of letters: an FTS5 table over Letters.SearchText (external content, by
/// rowid) kept by triggers. A migration that rebuilds the Letters table on SQLite (EF copies it to change a column)
/// drops the triggers and renumbers rows, so after any migration the start re-creates what is missing and rebuilds
/// the index from the letters (<see cref="EnsureAsync"/>).
/// </summary>
public static class SqliteLetterTextIndex
{
    public const string Table = "LetterSearchIndex";

    public static readonly IReadOnlyList<string> Create =
    [
        $"CREATE VIRTUAL TABLE IF NOT EXISTS \"{Table}\" USING fts5(\"SearchText\", content='Letters', "
            + "content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');",
        $"CREATE TRIGGER IF NOT EXISTS \"Letters_SearchIndex_Insert\" AFTER INSERT ON \"Letters\" BEGIN "
            + $"INSERT INTO \"{Table}\"(rowid, \"SearchText\") VALUES (new.rowid, new.\"SearchText\"); END;",
        $"CREATE TRIGGER IF NOT EXISTS \"Letters_SearchIndex_Delete\" AFTER DELETE ON \"Letters\" BEGIN "
            + $"INSERT INTO \"{Table}\"(\"{Table}\", rowid, \"SearchText\") "
            + "VALUES ('delete', old.rowid, old.\"SearchText\"); END;",
        $"CREATE TRIGGER IF NOT EXISTS \"Letters_SearchIndex_Update\" AFTER UPDATE OF \"SearchText\" ON \"Letters\" "
            + $"BEGIN INSERT INTO \"{Table}\"(\"{Table}\", rowid, \"SearchText\") "
            + "VALUES ('delete', old.rowid, old.\"SearchText\"); "
            + $"INSERT INTO \"{Table}\"(rowid, \"SearchText\") VALUES (new.rowid, new.\"SearchText\"); END;",
    ];

    public static readonly string Rebuild = $"INSERT INTO \"{Table}\"(\"{Table}\") VALUES ('rebuild');";

    public static readonly IReadOnlyList<string> Drop =
    [
        "DROP TRIGGER IF EXISTS \"Letters_SearchIndex_Update\";",
        "DROP TRIGGER IF EXISTS \"Letters_SearchIndex_Delete\";",
        "DROP TRIGGER IF EXISTS \"Letters_SearchIndex_Insert\";",
        $"DROP TABLE IF EXISTS \"{Table}\";",
    ];

    /// <summary>Creates what is missing and, when migrations ran in this start, rebuilds the index.</summary>
    public static async Task EnsureAsync(ExchangeDbContext db, bool migrated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var statement in Create)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken).ConfigureAwait(false);
        }

        if (migrated)
        {
            await db.Database.ExecuteSqlRawAsync(Rebuild, cancellationToken).ConfigureAwait(false);
        }
    }
}
