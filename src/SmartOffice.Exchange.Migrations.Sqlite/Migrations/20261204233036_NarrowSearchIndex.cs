using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NarrowSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(name: "IX_Letters_Reference", table: "Letters", column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_WithoutSearchText",
                table: "Letters",
                column: "SubmittedAt",
                filter: "\"SearchText\" = ''"
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Letters_Reference", table: "Letters");

            migrationBuilder.DropIndex(name: "IX_Letters_WithoutSearchText", table: "Letters");
        }
    }
}
