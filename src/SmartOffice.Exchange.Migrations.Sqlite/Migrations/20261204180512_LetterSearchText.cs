using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LetterSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Letters",
                type: "TEXT",
                maxLength: 16000,
                nullable: false,
                defaultValue: ""
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "SearchText", table: "Letters");
        }
    }
}
