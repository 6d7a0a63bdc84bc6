using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LetterTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search of letters: a prefix query on the search keys, answered by this index.
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_Letters_SearchText_Words\" ON \"Letters\" "
                    + "USING gin (to_tsvector('simple'::regconfig, \"SearchText\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Letters_SearchText_Words\";");
        }
    }
}
