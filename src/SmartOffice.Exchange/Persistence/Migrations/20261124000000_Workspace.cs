using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>The clerks' workspace: comments inside an agency, the agency's default due time, and the inbox's paging index.</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261124000000_Workspace")]
public sealed class Workspace : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var m = migrationBuilder;
        m.AddColumn<int>("DueWorkingDays", "Organizations", Int(m), nullable: true);
        m.CreateTable("LetterComments", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            DeliveryId = t.Column<Guid>(Guid(m)),
            AuthorUserId = t.Column<Guid>(Guid(m)),
            AuthorName = t.Column<string>(Text(m, 200), maxLength: 200),
            Text = t.Column<string>(Text(m, 4000), maxLength: 4000),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
        }, constraints: t => t.PrimaryKey("PK_LetterComments", x => x.Id));
        m.CreateIndex("IX_LetterComments_DeliveryId_CreatedAt", "LetterComments", ["DeliveryId", "CreatedAt"]);
        m.CreateIndex("IX_Deliveries_RecipientOrganizationId_DeliveredAt", "Deliveries", ["RecipientOrganizationId", "DeliveredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Deliveries_RecipientOrganizationId_DeliveredAt", "Deliveries");
        migrationBuilder.DropTable("LetterComments");
        migrationBuilder.DropColumn("DueWorkingDays", "Organizations");
    }
}
