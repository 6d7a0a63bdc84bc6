using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>
/// A lower-case copy of each letter's subject, so inbox and outbox search ignore case in Cyrillic too. New letters fill
/// it in .NET; existing ones get the database's lower(), which is exact for ASCII and, on a PostgreSQL with a Unicode
/// locale, for Cyrillic too.
/// </summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261126000000_SubjectSearch")]
public sealed class SubjectSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("SubjectSearch", "Letters", Text(migrationBuilder, 500), maxLength: 500, nullable: false, defaultValue: "");
        migrationBuilder.Sql("UPDATE \"Letters\" SET \"SubjectSearch\" = lower(\"Subject\")");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("SubjectSearch", "Letters");
    }
}
