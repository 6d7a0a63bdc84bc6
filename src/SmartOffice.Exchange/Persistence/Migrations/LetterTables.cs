using Microsoft.EntityFrameworkCore.Migrations;
using static SmartOffice.Exchange.Persistence.Migrations.ColumnTypes;

namespace SmartOffice.Exchange.Persistence.Migrations;

/// <summary>The letter side of <see cref="InitialCreate"/>: letters, deliveries, evidences, outbox, idempotency.</summary>
internal static class LetterTables
{
    public static void Create(MigrationBuilder m)
    {
        m.CreateTable("Letters", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            SenderOrganizationId = t.Column<Guid>(Guid(m)),
            SenderRegistryNumber = t.Column<string>(Text(m, 32), maxLength: 32),
            SenderAccountId = t.Column<Guid>(Guid(m)),
            Subject = t.Column<string>(Text(m, 500), maxLength: 500),
            Reference = t.Column<string>(Text(m, 100), maxLength: 100, nullable: true),
            InReplyToLetterId = t.Column<Guid>(Guid(m), nullable: true),
            DocumentSha256 = t.Column<string>(Text(m, 64), maxLength: 64),
            DocumentSize = t.Column<long>(Long(m)),
            SubmittedAt = t.Column<DateTimeOffset>(Time(m)),
            ValidationReportJson = t.Column<string>(Text(m)),
            SignerSubject = t.Column<string>(Text(m, 1000), maxLength: 1000, nullable: true),
            RecipientKey = t.Column<string>(Text(m, 4000), maxLength: 4000),
        }, constraints: t => t.PrimaryKey("PK_Letters", x => x.Id));
        m.CreateIndex("IX_Letters_SenderOrganizationId_SubmittedAt", "Letters", ["SenderOrganizationId", "SubmittedAt"]);
        m.CreateIndex("IX_Letters_DocumentSha256_SenderOrganizationId", "Letters", ["DocumentSha256", "SenderOrganizationId"]);

        m.CreateTable("Deliveries", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            LetterId = t.Column<Guid>(Guid(m)),
            RecipientOrganizationId = t.Column<Guid>(Guid(m)),
            RecipientRegistryNumber = t.Column<string>(Text(m, 32), maxLength: 32),
            State = t.Column<string>(Text(m, 32), maxLength: 32),
            DeliveredAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            OpenedAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            RegisteredAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            IncomingNumber = t.Column<string>(Text(m, 32), maxLength: 32, nullable: true),
            AssignedToUserId = t.Column<Guid>(Guid(m), nullable: true),
            DueDate = t.Column<DateOnly>(Date(m), nullable: true),
            AnsweredAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            ReplyLetterId = t.Column<Guid>(Guid(m), nullable: true),
            ClosedAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            CloseReason = t.Column<string>(Text(m, 2000), maxLength: 2000, nullable: true),
            FailureReason = t.Column<string>(Text(m, 2000), maxLength: 2000, nullable: true),
            IsReported = t.Column<bool>(Bool(m)),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Deliveries", x => x.Id);
            t.ForeignKey("FK_Deliveries_Letters_LetterId", x => x.LetterId, "Letters", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Deliveries_LetterId_RecipientOrganizationId", "Deliveries", ["LetterId", "RecipientOrganizationId"], unique: true);
        m.CreateIndex("IX_Deliveries_RecipientOrganizationId_State", "Deliveries", ["RecipientOrganizationId", "State"]);

        m.CreateTable("Evidences", t => new
        {
            Id = t.Column<Guid>(Guid(m)),
            LetterId = t.Column<Guid>(Guid(m)),
            RecipientRegistryNumber = t.Column<string>(Text(m, 32), maxLength: 32, nullable: true),
            Event = t.Column<string>(Text(m, 64), maxLength: 64),
            EventTime = t.Column<DateTimeOffset>(Time(m)),
            Json = t.Column<string>(Text(m)),
            Seal = t.Column<byte[]>(Bytes(m), nullable: true),
            PreviousEvidenceId = t.Column<Guid>(Guid(m), nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Evidences", x => x.Id));
        m.CreateIndex("IX_Evidences_LetterId_EventTime", "Evidences", ["LetterId", "EventTime"]);

        m.CreateTable("OutboxMessages", t => new
        {
            Id = IsSqlite(m)
                ? t.Column<long>(Long(m)).Annotation("Sqlite:Autoincrement", true)
                : t.Column<long>(Long(m)).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            MessageType = t.Column<string>(Text(m, 300), maxLength: 300),
            Payload = t.Column<string>(Text(m)),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
            SentAt = t.Column<DateTimeOffset>(Time(m), nullable: true),
            ClaimedBy = t.Column<string>(Text(m, 100), maxLength: 100, nullable: true),
            ClaimedUntil = t.Column<DateTimeOffset>(Time(m), nullable: true),
            Attempts = t.Column<int>(Int(m)),
            LastError = t.Column<string>(Text(m), nullable: true),
            CorrelationId = t.Column<string>(Text(m, 100), maxLength: 100, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboxMessages", x => x.Id));
        m.CreateIndex("IX_OutboxMessages_SentAt_Id", "OutboxMessages", ["SentAt", "Id"]);

        m.CreateTable("IdempotencyRecords", t => new
        {
            AccountId = t.Column<Guid>(Guid(m)),
            Key = t.Column<string>(Text(m, 200), maxLength: 200),
            LetterId = t.Column<Guid>(Guid(m)),
            ResponseJson = t.Column<string>(Text(m)),
            CreatedAt = t.Column<DateTimeOffset>(Time(m)),
        }, constraints: t => t.PrimaryKey("PK_IdempotencyRecords", x => new { x.AccountId, x.Key }));
    }
}
