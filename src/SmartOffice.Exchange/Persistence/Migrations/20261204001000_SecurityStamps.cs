using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>
/// Security stamps on staff users and accounts (a session or token with an older stamp ends on its next request),
/// and one staff user per login certificate.
/// </summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261204001000_SecurityStamps")]
public sealed class SecurityStamps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("SecurityStamp", "StaffUsers", Text(migrationBuilder, 32), maxLength: 32, nullable: false, defaultValue: "initial");
        migrationBuilder.AddColumn<string>("SecurityStamp", "Accounts", Text(migrationBuilder, 32), maxLength: 32, nullable: false, defaultValue: "initial");
        migrationBuilder.AddColumn<int>("FailedLogins", "StaffUsers", Int(migrationBuilder), nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTimeOffset>("LockedUntil", "StaffUsers", Time(migrationBuilder), nullable: true);
        migrationBuilder.CreateIndex("IX_StaffUsers_CertificateThumbprint", "StaffUsers", "CertificateThumbprint", unique: true);
        migrationBuilder.CreateTable("EndedSessions", t => new
        {
            SessionId = t.Column<string>(Text(migrationBuilder, 64), maxLength: 64),
            ExpiresAt = t.Column<DateTimeOffset>(Time(migrationBuilder)),
        }, constraints: t => t.PrimaryKey("PK_EndedSessions", x => x.SessionId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("EndedSessions");
        migrationBuilder.DropIndex("IX_StaffUsers_CertificateThumbprint", "StaffUsers");
        migrationBuilder.DropColumn("LockedUntil", "StaffUsers");
        migrationBuilder.DropColumn("FailedLogins", "StaffUsers");
        migrationBuilder.DropColumn("SecurityStamp", "Accounts");
        migrationBuilder.DropColumn("SecurityStamp", "StaffUsers");
    }
}
