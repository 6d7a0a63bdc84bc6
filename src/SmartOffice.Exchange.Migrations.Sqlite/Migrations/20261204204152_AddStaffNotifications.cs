using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStaffNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffNotifications", x => x.Id);
                }
            );

            migrationBuilder.CreateIndex(
                name: "IX_StaffNotifications_StaffUserId_ReadAt",
                table: "StaffNotifications",
                columns: new[] { "StaffUserId", "ReadAt" }
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "StaffNotifications");
        }
    }
}
