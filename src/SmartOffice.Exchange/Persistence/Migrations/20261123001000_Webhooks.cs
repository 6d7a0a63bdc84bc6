using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>Webhook subscriptions and the queue/log of their deliveries.</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261123001000_Webhooks")]
public sealed class Webhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var m = migrationBuilder;
        m.CreateTable("WebhookSubscriptions", t => new
        {
            OrganizationId = t.Column<Guid>(Guid(m)),
            Url = t.Column<string>(Text(m, 2000), maxLength: 2000),
            Secret = t.Column<string>(Text(m, 200), maxLength: 200),
            UpdatedAt = t.Column<DateTimeOffset>(Time(m)),
        }, constraints: t => t.PrimaryKey("PK_WebhookSubscriptions", x => x.OrganizationId));
        m.CreateTable("WebhookDeliveries", t => new
        {
            Id = IsSqlite(m)
                ? t.Column<long>(Long(m)).Annotation("Sqlite:Autoincrement", true)
                : t.Column<long>(Long(m)).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            OrganizationId = t.Column<Guid>(Guid(m)),
            Event = t.Column<string>(Text(m, 64), maxLength: 64),
            Payload = t.Column<string>(Text(m)),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
            Attempts = t.Column<int>(Int(m)),
            NextAttemptAt = t.Column<DateTimeOffset>(Time(m)),
            DeliveredAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            LastStatus = t.Column<int>(Int(m), nullable: true),
            LastError = t.Column<string>(Text(m, 500), maxLength: 500, nullable: true),
            ClaimedUntil = t.Column<DateTimeOffset>(Time(m), nullable: true),
        }, constraints: t => t.PrimaryKey("PK_WebhookDeliveries", x => x.Id));
        m.CreateIndex("IX_WebhookDeliveries_DeliveredAt_NextAttemptAt", "WebhookDeliveries", ["DeliveredAt", "NextAttemptAt"]);
        m.CreateIndex("IX_WebhookDeliveries_OrganizationId", "WebhookDeliveries", "OrganizationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("WebhookDeliveries");
        migrationBuilder.DropTable("WebhookSubscriptions");
    }
}
