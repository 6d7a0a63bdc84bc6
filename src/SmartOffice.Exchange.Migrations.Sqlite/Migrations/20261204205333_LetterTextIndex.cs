using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Exchange.Persistence;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LetterTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SqliteLetterTextIndex.Create)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.Sql(SqliteLetterTextIndex.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SqliteLetterTextIndex.Drop)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
