using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LetterSearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchWords",
                table: "Letters",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, \"SearchText\")",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letters_SearchWords",
                table: "Letters",
                column: "SearchWords")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Letters_SearchWords",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "SearchWords",
                table: "Letters");
        }
    }
}
