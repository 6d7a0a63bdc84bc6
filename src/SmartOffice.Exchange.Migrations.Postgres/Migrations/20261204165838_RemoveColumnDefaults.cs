using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Columns once added to tables that had rows got a default to fill those rows; the model has none, so they go,
    /// and a database made before <see cref="InitialCreate"/> ends with the schema a new one gets. Where there is no
    /// default (a new database) each statement changes nothing.
    /// </summary>
    public partial class RemoveColumnDefaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "Accounts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldDefaultValue: "initial"
            );
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "StaffUsers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldDefaultValue: "initial"
            );
            migrationBuilder.AlterColumn<int>(
                name: "FailedLogins",
                table: "StaffUsers",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 0
            );
            migrationBuilder.AlterColumn<string>(
                name: "SubjectSearch",
                table: "Letters",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldDefaultValue: ""
            );
            migrationBuilder.AlterColumn<string>(
                name: "SignedContentSha256",
                table: "Letters",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldDefaultValue: ""
            );
            migrationBuilder.AlterColumn<string>(
                name: "Fingerprint",
                table: "IdempotencyRecords",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldDefaultValue: ""
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "Accounts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "initial",
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32
            );
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "StaffUsers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "initial",
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32
            );
            migrationBuilder.AlterColumn<int>(
                name: "FailedLogins",
                table: "StaffUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer"
            );
            migrationBuilder.AlterColumn<string>(
                name: "SubjectSearch",
                table: "Letters",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500
            );
            migrationBuilder.AlterColumn<string>(
                name: "SignedContentSha256",
                table: "Letters",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64
            );
            migrationBuilder.AlterColumn<string>(
                name: "Fingerprint",
                table: "IdempotencyRecords",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64
            );
        }
    }
}
