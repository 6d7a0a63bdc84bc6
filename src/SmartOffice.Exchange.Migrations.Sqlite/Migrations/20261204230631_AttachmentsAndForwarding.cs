using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentsAndForwarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForwardReason",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true
            );

            migrationBuilder.AddColumn<string>(
                name: "ForwardedByRegistryNumber",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 32,
                nullable: true
            );

            migrationBuilder.AddColumn<string>(
                name: "ForwardedToRegistryNumber",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 32,
                nullable: true
            );

            migrationBuilder.CreateTable(
                name: "LetterAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentSize = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidationReportJson = table.Column<string>(type: "TEXT", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterAttachments_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "IX_LetterAttachments_DocumentSha256",
                table: "LetterAttachments",
                column: "DocumentSha256"
            );

            migrationBuilder.CreateIndex(
                name: "IX_LetterAttachments_LetterId_Number",
                table: "LetterAttachments",
                columns: new[] { "LetterId", "Number" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "IX_LetterAttachments_SignedContentSha256",
                table: "LetterAttachments",
                column: "SignedContentSha256"
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "LetterAttachments");

            migrationBuilder.DropColumn(name: "ForwardReason", table: "Deliveries");

            migrationBuilder.DropColumn(name: "ForwardedByRegistryNumber", table: "Deliveries");

            migrationBuilder.DropColumn(name: "ForwardedToRegistryNumber", table: "Deliveries");
        }
    }
}
