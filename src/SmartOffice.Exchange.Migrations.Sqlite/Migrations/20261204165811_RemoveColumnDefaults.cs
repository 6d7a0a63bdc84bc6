using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Exchange.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Columns once added to tables that had rows got a default to fill those rows; the model has none, so they go,
    /// and a database made before <see cref="InitialCreate"/> ends with the schema a new one gets. On SQLite this
    /// rebuilds those four tables, which also puts their columns in the model's order.
    /// </summary>
    public partial class RemoveColumnDefaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "Accounts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldDefaultValue: "initial"
            );
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "StaffUsers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldDefaultValue: "initial"
            );
            migrationBuilder.AlterColumn<int>(
                name: "FailedLogins",
                table: "StaffUsers",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldDefaultValue: 0
            );
            migrationBuilder.AlterColumn<string>(
                name: "SubjectSearch",
                table: "Letters",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 500,
                oldDefaultValue: ""
            );
            migrationBuilder.AlterColumn<string>(
                name: "SignedContentSha256",
                table: "Letters",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldDefaultValue: ""
            );
            migrationBuilder.AlterColumn<string>(
                name: "Fingerprint",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "initial",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32
            );
            migrationBuilder.AlterColumn<string>(
                name: "SecurityStamp",
                table: "StaffUsers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "initial",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32
            );
            migrationBuilder.AlterColumn<int>(
                name: "FailedLogins",
                table: "StaffUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER"
            );
            migrationBuilder.AlterColumn<string>(
                name: "SubjectSearch",
                table: "Letters",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 500
            );
            migrationBuilder.AlterColumn<string>(
                name: "SignedContentSha256",
                table: "Letters",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64
            );
            migrationBuilder.AlterColumn<string>(
                name: "Fingerprint",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64
            );
        }
    }
}
