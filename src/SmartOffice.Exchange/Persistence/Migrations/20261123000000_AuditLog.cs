using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>The hash-chained audit log.</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261123000000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var m = migrationBuilder;
        m.CreateTable("AuditEntries", t => new
        {
            Sequence = t.Column<long>(Long(m)),
            Time = t.Column<DateTimeOffset>(Time(m)),
            Actor = t.Column<string>(Text(m, 100), maxLength: 100),
            Organization = t.Column<string>(Text(m, 32), maxLength: 32, nullable: true),
            Action = t.Column<string>(Text(m, 64), maxLength: 64),
            Target = t.Column<string>(Text(m, 100), maxLength: 100, nullable: true),
            Address = t.Column<string>(Text(m, 64), maxLength: 64, nullable: true),
            Details = t.Column<string>(Text(m), nullable: true),
            PreviousHash = t.Column<string>(Text(m, 64), maxLength: 64),
            Hash = t.Column<string>(Text(m, 64), maxLength: 64),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Sequence));
        m.CreateIndex("IX_AuditEntries_Target", "AuditEntries", "Target");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("AuditEntries");
    }
}
