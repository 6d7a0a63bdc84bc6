using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Exchange.Persistence;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LetterSearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresLetterTextIndex.InLetters.Create)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresLetterTextIndex.InLetters.Drop)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
