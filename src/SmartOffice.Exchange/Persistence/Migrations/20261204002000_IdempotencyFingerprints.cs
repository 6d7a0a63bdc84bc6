using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>An Idempotency-Key remembers the request it came with, so the same key with another letter is refused.</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261204002000_IdempotencyFingerprints")]
public sealed class IdempotencyFingerprints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("Fingerprint", "IdempotencyRecords", Text(migrationBuilder, 64), maxLength: 64, nullable: false, defaultValue: "");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("Fingerprint", "IdempotencyRecords");
    }
}
