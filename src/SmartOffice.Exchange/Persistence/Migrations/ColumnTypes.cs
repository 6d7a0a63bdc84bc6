using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>
/// Column types per provider for hand-written migrations (Microsoft.EntityFrameworkCore.Design does not
/// restore here, so `dotnet ef migrations add` is unavailable). Times are UTC ticks on SQLite, which
/// cannot compare DateTimeOffset text in SQL, and timestamptz on PostgreSQL.
/// </summary>
internal static class ColumnTypes
{
    public static bool IsSqlite(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";

    public static string Time(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "INTEGER" : "timestamp with time zone";

    public static string Guid(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "TEXT" : "uuid";

    public static string Text(MigrationBuilder migrationBuilder, int? maxLength = null) =>
        IsSqlite(migrationBuilder) ? "TEXT" : maxLength is null ? "text" : $"character varying({maxLength})";

    public static string Bool(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "INTEGER" : "boolean";

    public static string Int(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "INTEGER" : "integer";

    public static string Long(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "INTEGER" : "bigint";

    public static string Bytes(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "BLOB" : "bytea";

    public static string Date(MigrationBuilder migrationBuilder) => IsSqlite(migrationBuilder) ? "TEXT" : "date";
}
