-- The schema the service's former migrations (one hand-written set for both providers, last
-- 20261204002000_IdempotencyFingerprints) made on PostgreSQL: their script as EF's IMigrator.GenerateScript() wrote it,
-- kept so the tests can make such a database and upgrade it. Their raw SQL statements lacked the closing semicolon a
-- script needs; they have one here.

CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;
CREATE TABLE "Organizations" (
    "Id" uuid NOT NULL,
    "RegistryNumber" character varying(32) NOT NULL,
    "Name" character varying(400) NOT NULL,
    "SearchName" character varying(400) NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "ParentRegistryNumber" character varying(32),
    "Status" character varying(32) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Organizations" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_Organizations_RegistryNumber" ON "Organizations" ("RegistryNumber");

CREATE TABLE "Accounts" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "RegistryNumber" character varying(32) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "IsSuspended" boolean NOT NULL,
    "IsFlagged" boolean NOT NULL,
    "FlagReason" character varying(1000),
    CONSTRAINT "PK_Accounts" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_Accounts_OrganizationId" ON "Accounts" ("OrganizationId");

CREATE UNIQUE INDEX "IX_Accounts_RegistryNumber" ON "Accounts" ("RegistryNumber");

CREATE TABLE "AccountCertificates" (
    "Id" uuid NOT NULL,
    "AccountId" uuid NOT NULL,
    "Thumbprint" character varying(64) NOT NULL,
    "Subject" character varying(1000) NOT NULL,
    "Issuer" character varying(1000) NOT NULL,
    "NotAfter" timestamp with time zone NOT NULL,
    "FirstSeenAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AccountCertificates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AccountCertificates_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AccountCertificates_Thumbprint" ON "AccountCertificates" ("Thumbprint");

CREATE INDEX "IX_AccountCertificates_AccountId" ON "AccountCertificates" ("AccountId");

CREATE TABLE "StaffUsers" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "UserName" character varying(100) NOT NULL,
    "DisplayName" character varying(200) NOT NULL,
    "Roles" character varying(200) NOT NULL,
    "PasswordHash" text,
    "CertificateThumbprint" character varying(64),
    "IsDisabled" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_StaffUsers" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_StaffUsers_UserName" ON "StaffUsers" ("UserName");

CREATE INDEX "IX_StaffUsers_OrganizationId" ON "StaffUsers" ("OrganizationId");

CREATE TABLE "AuthChallenges" (
    "Nonce" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "UsedAt" timestamp with time zone,
    CONSTRAINT "PK_AuthChallenges" PRIMARY KEY ("Nonce")
);

CREATE INDEX "IX_AuthChallenges_ExpiresAt" ON "AuthChallenges" ("ExpiresAt");

CREATE TABLE "Letters" (
    "Id" uuid NOT NULL,
    "SenderOrganizationId" uuid NOT NULL,
    "SenderRegistryNumber" character varying(32) NOT NULL,
    "SenderAccountId" uuid NOT NULL,
    "Subject" character varying(500) NOT NULL,
    "Reference" character varying(100),
    "InReplyToLetterId" uuid,
    "DocumentSha256" character varying(64) NOT NULL,
    "DocumentSize" bigint NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    "ValidationReportJson" text NOT NULL,
    "SignerSubject" character varying(1000),
    "RecipientKey" character varying(4000) NOT NULL,
    CONSTRAINT "PK_Letters" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Letters_SenderOrganizationId_SubmittedAt" ON "Letters" ("SenderOrganizationId", "SubmittedAt");

CREATE INDEX "IX_Letters_DocumentSha256_SenderOrganizationId" ON "Letters" ("DocumentSha256", "SenderOrganizationId");

CREATE TABLE "Deliveries" (
    "Id" uuid NOT NULL,
    "LetterId" uuid NOT NULL,
    "RecipientOrganizationId" uuid NOT NULL,
    "RecipientRegistryNumber" character varying(32) NOT NULL,
    "State" character varying(32) NOT NULL,
    "DeliveredAt" timestamp with time zone,
    "OpenedAt" timestamp with time zone,
    "RegisteredAt" timestamp with time zone,
    "IncomingNumber" character varying(32),
    "AssignedToUserId" uuid,
    "DueDate" date,
    "AnsweredAt" timestamp with time zone,
    "ReplyLetterId" uuid,
    "ClosedAt" timestamp with time zone,
    "CloseReason" character varying(2000),
    "FailureReason" character varying(2000),
    "IsReported" boolean NOT NULL,
    CONSTRAINT "PK_Deliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Deliveries_Letters_LetterId" FOREIGN KEY ("LetterId") REFERENCES "Letters" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Deliveries_LetterId_RecipientOrganizationId" ON "Deliveries" ("LetterId", "RecipientOrganizationId");

CREATE INDEX "IX_Deliveries_RecipientOrganizationId_State" ON "Deliveries" ("RecipientOrganizationId", "State");

CREATE TABLE "Evidences" (
    "Id" uuid NOT NULL,
    "LetterId" uuid NOT NULL,
    "RecipientRegistryNumber" character varying(32),
    "Event" character varying(64) NOT NULL,
    "EventTime" timestamp with time zone NOT NULL,
    "Json" text NOT NULL,
    "Seal" bytea,
    "PreviousEvidenceId" uuid,
    CONSTRAINT "PK_Evidences" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Evidences_LetterId_EventTime" ON "Evidences" ("LetterId", "EventTime");

CREATE TABLE "OutboxMessages" (
    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
    "MessageType" character varying(300) NOT NULL,
    "Payload" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SentAt" timestamp with time zone,
    "ClaimedBy" character varying(100),
    "ClaimedUntil" timestamp with time zone,
    "Attempts" integer NOT NULL,
    "LastError" text,
    "CorrelationId" character varying(100),
    CONSTRAINT "PK_OutboxMessages" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_OutboxMessages_SentAt_Id" ON "OutboxMessages" ("SentAt", "Id");

CREATE TABLE "IdempotencyRecords" (
    "AccountId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "LetterId" uuid NOT NULL,
    "ResponseJson" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("AccountId", "Key")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_InitialCreate', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Sequence" bigint NOT NULL,
    "Time" timestamp with time zone NOT NULL,
    "Actor" character varying(100) NOT NULL,
    "Organization" character varying(32),
    "Action" character varying(64) NOT NULL,
    "Target" character varying(100),
    "Address" character varying(64),
    "Details" text,
    "PreviousHash" character varying(64) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Sequence")
);

CREATE INDEX "IX_AuditEntries_Target" ON "AuditEntries" ("Target");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123000000_AuditLog', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE "WebhookSubscriptions" (
    "OrganizationId" uuid NOT NULL,
    "Url" character varying(2000) NOT NULL,
    "Secret" character varying(200) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WebhookSubscriptions" PRIMARY KEY ("OrganizationId")
);

CREATE TABLE "WebhookDeliveries" (
    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
    "OrganizationId" uuid NOT NULL,
    "Event" character varying(64) NOT NULL,
    "Payload" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "DeliveredAt" timestamp with time zone,
    "LastStatus" integer,
    "LastError" character varying(500),
    "ClaimedUntil" timestamp with time zone,
    CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_WebhookDeliveries_DeliveredAt_NextAttemptAt" ON "WebhookDeliveries" ("DeliveredAt", "NextAttemptAt");

CREATE INDEX "IX_WebhookDeliveries_OrganizationId" ON "WebhookDeliveries" ("OrganizationId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123001000_Webhooks', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE UNIQUE INDEX "IX_Deliveries_RecipientOrganizationId_IncomingNumber" ON "Deliveries" ("RecipientOrganizationId", "IncomingNumber");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123002000_IncomingNumbers', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE "Organizations" ADD "DueWorkingDays" integer;

CREATE TABLE "LetterComments" (
    "Id" uuid NOT NULL,
    "DeliveryId" uuid NOT NULL,
    "AuthorUserId" uuid NOT NULL,
    "AuthorName" character varying(200) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_LetterComments" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_LetterComments_DeliveryId_CreatedAt" ON "LetterComments" ("DeliveryId", "CreatedAt");

CREATE INDEX "IX_Deliveries_RecipientOrganizationId_DeliveredAt" ON "Deliveries" ("RecipientOrganizationId", "DeliveredAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124000000_Workspace', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE "AuditDrafts" (
    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
    "Time" timestamp with time zone NOT NULL,
    "Actor" character varying(100) NOT NULL,
    "Organization" character varying(32),
    "Action" character varying(64) NOT NULL,
    "Target" character varying(100),
    "Address" character varying(64),
    "Details" text,
    CONSTRAINT "PK_AuditDrafts" PRIMARY KEY ("Id")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125000000_AuditDrafts', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE "Letters" ADD "SubjectSearch" character varying(500) NOT NULL DEFAULT '';

UPDATE "Letters" SET "SubjectSearch" = lower("Subject");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126000000_SubjectSearch', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE INDEX "IX_OutboxMessages_Unsent" ON "OutboxMessages" ("Id") WHERE "SentAt" IS NULL;

ALTER TABLE "Evidences" SET (toast_tuple_target = 8160);

DO $$
BEGIN
    ALTER TABLE "Letters" ALTER COLUMN "ValidationReportJson" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available on this server; the report keeps the default compression';
END $$;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127000000_HotPathStorage', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE "Letters" ADD "SignedContentSha256" character varying(64) NOT NULL DEFAULT '';

UPDATE "Letters" SET "SignedContentSha256" = "DocumentSha256";

CREATE INDEX "IX_Letters_SignedContentSha256_SenderOrganizationId" ON "Letters" ("SignedContentSha256", "SenderOrganizationId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204000000_SignedContentIdentity', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE "StaffUsers" ADD "SecurityStamp" character varying(32) NOT NULL DEFAULT 'initial';

ALTER TABLE "Accounts" ADD "SecurityStamp" character varying(32) NOT NULL DEFAULT 'initial';

ALTER TABLE "StaffUsers" ADD "FailedLogins" integer NOT NULL DEFAULT 0;

ALTER TABLE "StaffUsers" ADD "LockedUntil" timestamp with time zone;

CREATE UNIQUE INDEX "IX_StaffUsers_CertificateThumbprint" ON "StaffUsers" ("CertificateThumbprint");

CREATE TABLE "EndedSessions" (
    "SessionId" character varying(64) NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EndedSessions" PRIMARY KEY ("SessionId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204001000_SecurityStamps', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE "IdempotencyRecords" ADD "Fingerprint" character varying(64) NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204002000_IdempotencyFingerprints', '10.0.15');

COMMIT;

