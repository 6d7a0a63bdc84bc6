using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>Incoming numbers unique per agency: the truth that keeps concurrent registrars from sharing a number.</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261123002000_IncomingNumbers")]
public sealed class IncomingNumbers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_Deliveries_RecipientOrganizationId_IncomingNumber", "Deliveries", ["RecipientOrganizationId", "IncomingNumber"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Deliveries_RecipientOrganizationId_IncomingNumber", "Deliveries");
    }
}
