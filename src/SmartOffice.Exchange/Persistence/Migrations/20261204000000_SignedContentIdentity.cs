using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>
/// Letters are identified by the SHA-256 of their signed bytes, which nobody can change without breaking the
/// signature (the file's own SHA-256 changes when the signature value's hex is re-encoded). Letters stored before
/// keep their file hash there: it identified them until now.
/// </summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261204000000_SignedContentIdentity")]
public sealed class SignedContentIdentity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("SignedContentSha256", "Letters", Text(migrationBuilder, 64), maxLength: 64, nullable: false, defaultValue: "");
        migrationBuilder.Sql("UPDATE \"Letters\" SET \"SignedContentSha256\" = \"DocumentSha256\"");
        migrationBuilder.CreateIndex("IX_Letters_SignedContentSha256_SenderOrganizationId", "Letters", ["SignedContentSha256", "SenderOrganizationId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Letters_SignedContentSha256_SenderOrganizationId", "Letters");
        migrationBuilder.DropColumn("SignedContentSha256", "Letters");
    }
}
