using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>Audit lines committed with their change and chained afterwards (see Audit.AuditChainer).</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261125000000_AuditDrafts")]
public sealed class AuditDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var m = migrationBuilder;
        m.CreateTable("AuditDrafts", t => new
        {
            Id = IsSqlite(m)
                ? t.Column<long>(Long(m)).Annotation("Sqlite:Autoincrement", true)
                : t.Column<long>(Long(m)).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            Time = t.Column<DateTimeOffset>(Time(m)),
            Actor = t.Column<string>(Text(m, 100), maxLength: 100),
            Organization = t.Column<string>(Text(m, 32), maxLength: 32, nullable: true),
            Action = t.Column<string>(Text(m, 64), maxLength: 64),
            Target = t.Column<string>(Text(m, 100), maxLength: 100, nullable: true),
            Address = t.Column<string>(Text(m, 64), maxLength: 64, nullable: true),
            Details = t.Column<string>(Text(m), nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditDrafts", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("AuditDrafts");
    }
}
