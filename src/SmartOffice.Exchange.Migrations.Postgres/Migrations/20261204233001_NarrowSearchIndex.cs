using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Exchange.Persistence;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Postgres.Migrations
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

            // The words move from the wide Letters rows to a narrow table of their own, filled from the letters here.
            foreach (var statement in PostgresLetterTextIndex.InLetters.Drop.Concat(PostgresLetterTextIndex.Create))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresLetterTextIndex.Drop.Concat(PostgresLetterTextIndex.InLetters.Create))
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.DropIndex(name: "IX_Letters_Reference", table: "Letters");

            migrationBuilder.DropIndex(name: "IX_Letters_WithoutSearchText", table: "Letters");
        }
    }
}
