using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Exchange.Persistence;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeyIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each letter's words become ids into a table of distinct keys, filled from the letters here.
            foreach (var statement in PostgresLetterTextIndex.Drop.Concat(PostgresLetterKeyIndex.Create))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresLetterKeyIndex.Drop.Concat(PostgresLetterTextIndex.Create))
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
