using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>The first schema: directory, accounts, staff, login challenges, letters, deliveries, evidences, outbox, idempotency.</summary>
[DbContext(typeof(ExchangeDbContext))]
[Migration("20261122000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var m = migrationBuilder;
        m.CreateTable("Organizations", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            RegistryNumber = t.Column<string>(Text(m, 32), maxLength: 32),
            Name = t.Column<string>(Text(m, 400), maxLength: 400),
            SearchName = t.Column<string>(Text(m, 400), maxLength: 400),
            Kind = t.Column<string>(Text(m, 32), maxLength: 32),
            ParentRegistryNumber = t.Column<string>(Text(m, 32), maxLength: 32, nullable: true),
            Status = t.Column<string>(Text(m, 32), maxLength: 32),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
        }, constraints: t => t.PrimaryKey("PK_Organizations", x => x.Id));
        m.CreateIndex("IX_Organizations_RegistryNumber", "Organizations", "RegistryNumber", unique: true);

        m.CreateTable("Accounts", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            OrganizationId = t.Column<Guid>(Guid(m)),
            RegistryNumber = t.Column<string>(Text(m, 32), maxLength: 32),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
            IsSuspended = t.Column<bool>(Bool(m)),
            IsFlagged = t.Column<bool>(Bool(m)),
            FlagReason = t.Column<string>(Text(m, 1000), maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Accounts", x => x.Id));
        m.CreateIndex("IX_Accounts_OrganizationId", "Accounts", "OrganizationId", unique: true);
        m.CreateIndex("IX_Accounts_RegistryNumber", "Accounts", "RegistryNumber", unique: true);

        m.CreateTable("AccountCertificates", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            AccountId = t.Column<Guid>(Guid(m)),
            Thumbprint = t.Column<string>(Text(m, 64), maxLength: 64),
            Subject = t.Column<string>(Text(m, 1000), maxLength: 1000),
            Issuer = t.Column<string>(Text(m, 1000), maxLength: 1000),
            NotAfter = t.Column<DateTimeOffset>(Time(m)),
            FirstSeenAt = t.Column<DateTimeOffset>(Time(m)),
            LastSeenAt = t.Column<DateTimeOffset>(Time(m)),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AccountCertificates", x => x.Id);
            t.ForeignKey("FK_AccountCertificates_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AccountCertificates_Thumbprint", "AccountCertificates", "Thumbprint", unique: true);
        m.CreateIndex("IX_AccountCertificates_AccountId", "AccountCertificates", "AccountId");

        m.CreateTable("StaffUsers", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            OrganizationId = t.Column<Guid>(Guid(m)),
            UserName = t.Column<string>(Text(m, 100), maxLength: 100),
            DisplayName = t.Column<string>(Text(m, 200), maxLength: 200),
            Roles = t.Column<string>(Text(m, 200), maxLength: 200),
            PasswordHash = t.Column<string>(Text(m), nullable: true),
            CertificateThumbprint = t.Column<string>(Text(m, 64), maxLength: 64, nullable: true),
            IsDisabled = t.Column<bool>(Bool(m)),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
        }, constraints: t => t.PrimaryKey("PK_StaffUsers", x => x.Id));
        m.CreateIndex("IX_StaffUsers_UserName", "StaffUsers", "UserName", unique: true);
        m.CreateIndex("IX_StaffUsers_OrganizationId", "StaffUsers", "OrganizationId");

        m.CreateTable("AuthChallenges", t => new
        {
            Nonce = t.Column<string>(Text(m, 64), maxLength: 64),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
            ExpiresAt = t.Column<DateTimeOffset>(Time(m)),
            UsedAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuthChallenges", x => x.Nonce));
        m.CreateIndex("IX_AuthChallenges_ExpiresAt", "AuthChallenges", "ExpiresAt");

        LetterTables.Create(m);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "IdempotencyRecords", "OutboxMessages", "Evidences", "Deliveries", "Letters", "AuthChallenges", "StaffUsers", "AccountCertificates", "Accounts", "Organizations" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
