using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>
/// Storage for the delivery path, measured with pg_stat_statements in bench/:
/// the outbox publisher's "next unsent rows" query walked every sent row's index entry (4.5 ms a call), so unsent rows
/// get a partial index of their own; an evidence row (JSON plus a 2 KB CMS seal) just passed PostgreSQL's 2 KB TOAST
/// threshold, so every insert tried to compress the incompressible seal and then moved it to the TOAST table, so
/// evidence rows now stay whole in the table; the validation report (4 KB of JSON) is compressed with lz4
/// instead of the slower pglz where the server has it.
/// </summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261127000000_HotPathStorage")]
public sealed class HotPathStorage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_OutboxMessages_Unsent", "OutboxMessages", "Id", filter: "\"SentAt\" IS NULL");
        if (IsSqlite(migrationBuilder))
        {
            return;
        }

        migrationBuilder.Sql("ALTER TABLE \"Evidences\" SET (toast_tuple_target = 8160)");
        migrationBuilder.Sql("""
            DO $$
            BEGIN
                ALTER TABLE "Letters" ALTER COLUMN "ValidationReportJson" SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
                RAISE NOTICE 'lz4 is not available on this server; the report keeps the default compression';
            END $$;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_OutboxMessages_Unsent", "OutboxMessages");
        if (!IsSqlite(migrationBuilder))
        {
            migrationBuilder.Sql("ALTER TABLE \"Evidences\" RESET (toast_tuple_target)");
            migrationBuilder.Sql("ALTER TABLE \"Letters\" ALTER COLUMN \"ValidationReportJson\" SET COMPRESSION default");
        }
    }
}
