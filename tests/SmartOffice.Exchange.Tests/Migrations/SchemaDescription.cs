using System.Data.Common;

namespace SmartOffice.Exchange.Tests.Migrations;

/// <summary>
/// A database's schema as sorted lines read from its catalog: tables, columns (type, nullability, default, identity,
/// compression), keys, foreign keys, indexes with their filters, and storage options; EF's own history tables are left
/// out. Columns are listed by name: a column added to a table that has rows goes last, and moving it costs a copy of
/// the table, while nothing reads columns by position.
/// </summary>
internal static class SchemaDescription
{
    private static readonly string[] SqliteQueries =
    [
        """
            SELECT 'column ' || t.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
                || ' default=' || ifnull(c.dflt_value, '-')
            FROM sqlite_master t, pragma_table_info(t.name) c
            WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name NOT LIKE '__EF%'
            """,
        """
            SELECT 'foreign key ' || t.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to"
                || ' on delete ' || f.on_delete
            FROM sqlite_master t, pragma_foreign_key_list(t.name) f
            WHERE t.type = 'table'
            """,
        "SELECT 'index ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE "
            + "'__EF%'",
        "SELECT 'autoincrement ' || name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'",
    ];

    private static readonly string[] PostgresQueries =
    [
        """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || ' notnull=' || a.attnotnull || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-')
                || ' identity=' || a.attidentity::text || ' compression=' || a.attcompression::text
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE '__EF%'
                AND a.attnum > 0 AND NOT a.attisdropped
            """,
        """
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"__EF%'
            """,
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'",
        """
            SELECT 'storage ' || relname || ' ' || array_to_string(reloptions, ',')
            FROM pg_class WHERE relnamespace = 'public'::regnamespace AND reloptions IS NOT NULL
            """,
    ];

    public static Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, bool isSqlite) =>
        ReadLinesAsync(connection, isSqlite ? SqliteQueries : PostgresQueries);

    private static async Task<IReadOnlyList<string>> ReadLinesAsync(DbConnection connection, string[] queries)
    {
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
