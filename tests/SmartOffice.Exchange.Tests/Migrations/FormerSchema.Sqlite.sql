-- The schema the service's former migrations (one hand-written set for both providers, last
-- 20261204002000_IdempotencyFingerprints) made on SQLite: their script as EF's IMigrator.GenerateScript() wrote it,
-- kept so the tests can make such a database and upgrade it. Their raw SQL statements lacked the closing semicolon a
-- script needs; they have one here.

CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Organizations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY,
    "RegistryNumber" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SearchName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ParentRegistryNumber" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Organizations_RegistryNumber" ON "Organizations" ("RegistryNumber");

CREATE TABLE "Accounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "RegistryNumber" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "IsSuspended" INTEGER NOT NULL,
    "IsFlagged" INTEGER NOT NULL,
    "FlagReason" TEXT NULL
);

CREATE UNIQUE INDEX "IX_Accounts_OrganizationId" ON "Accounts" ("OrganizationId");

CREATE UNIQUE INDEX "IX_Accounts_RegistryNumber" ON "Accounts" ("RegistryNumber");

CREATE TABLE "AccountCertificates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AccountCertificates" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Thumbprint" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Issuer" TEXT NOT NULL,
    "NotAfter" INTEGER NOT NULL,
    "FirstSeenAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AccountCertificates_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AccountCertificates_Thumbprint" ON "AccountCertificates" ("Thumbprint");

CREATE INDEX "IX_AccountCertificates_AccountId" ON "AccountCertificates" ("AccountId");

CREATE TABLE "StaffUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StaffUsers" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Roles" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "CertificateThumbprint" TEXT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_StaffUsers_UserName" ON "StaffUsers" ("UserName");

CREATE INDEX "IX_StaffUsers_OrganizationId" ON "StaffUsers" ("OrganizationId");

CREATE TABLE "AuthChallenges" (
    "Nonce" TEXT NOT NULL CONSTRAINT "PK_AuthChallenges" PRIMARY KEY,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL
);

CREATE INDEX "IX_AuthChallenges_ExpiresAt" ON "AuthChallenges" ("ExpiresAt");

CREATE TABLE "Letters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Letters" PRIMARY KEY,
    "SenderOrganizationId" TEXT NOT NULL,
    "SenderRegistryNumber" TEXT NOT NULL,
    "SenderAccountId" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "InReplyToLetterId" TEXT NULL,
    "DocumentSha256" TEXT NOT NULL,
    "DocumentSize" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "ValidationReportJson" TEXT NOT NULL,
    "SignerSubject" TEXT NULL,
    "RecipientKey" TEXT NOT NULL
);

CREATE INDEX "IX_Letters_SenderOrganizationId_SubmittedAt" ON "Letters" ("SenderOrganizationId", "SubmittedAt");

CREATE INDEX "IX_Letters_DocumentSha256_SenderOrganizationId" ON "Letters" ("DocumentSha256", "SenderOrganizationId");

CREATE TABLE "Deliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Deliveries" PRIMARY KEY,
    "LetterId" TEXT NOT NULL,
    "RecipientOrganizationId" TEXT NOT NULL,
    "RecipientRegistryNumber" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "DeliveredAt" INTEGER NULL,
    "OpenedAt" INTEGER NULL,
    "RegisteredAt" INTEGER NULL,
    "IncomingNumber" TEXT NULL,
    "AssignedToUserId" TEXT NULL,
    "DueDate" TEXT NULL,
    "AnsweredAt" INTEGER NULL,
    "ReplyLetterId" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    "CloseReason" TEXT NULL,
    "FailureReason" TEXT NULL,
    "IsReported" INTEGER NOT NULL,
    CONSTRAINT "FK_Deliveries_Letters_LetterId" FOREIGN KEY ("LetterId") REFERENCES "Letters" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Deliveries_LetterId_RecipientOrganizationId" ON "Deliveries" ("LetterId", "RecipientOrganizationId");

CREATE INDEX "IX_Deliveries_RecipientOrganizationId_State" ON "Deliveries" ("RecipientOrganizationId", "State");

CREATE TABLE "Evidences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Evidences" PRIMARY KEY,
    "LetterId" TEXT NOT NULL,
    "RecipientRegistryNumber" TEXT NULL,
    "Event" TEXT NOT NULL,
    "EventTime" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    "Seal" BLOB NULL,
    "PreviousEvidenceId" TEXT NULL
);

CREATE INDEX "IX_Evidences_LetterId_EventTime" ON "Evidences" ("LetterId", "EventTime");

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "MessageType" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedUntil" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "CorrelationId" TEXT NULL
);

CREATE INDEX "IX_OutboxMessages_SentAt_Id" ON "OutboxMessages" ("SentAt", "Id");

CREATE TABLE "IdempotencyRecords" (
    "AccountId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "LetterId" TEXT NOT NULL,
    "ResponseJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("AccountId", "Key")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_InitialCreate', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "Time" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Organization" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NULL,
    "Address" TEXT NULL,
    "Details" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE INDEX "IX_AuditEntries_Target" ON "AuditEntries" ("Target");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123000000_AuditLog', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "WebhookSubscriptions" (
    "OrganizationId" TEXT NOT NULL CONSTRAINT "PK_WebhookSubscriptions" PRIMARY KEY,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "WebhookDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "DeliveredAt" INTEGER NULL,
    "LastStatus" INTEGER NULL,
    "LastError" TEXT NULL,
    "ClaimedUntil" INTEGER NULL
);

CREATE INDEX "IX_WebhookDeliveries_DeliveredAt_NextAttemptAt" ON "WebhookDeliveries" ("DeliveredAt", "NextAttemptAt");

CREATE INDEX "IX_WebhookDeliveries_OrganizationId" ON "WebhookDeliveries" ("OrganizationId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123001000_Webhooks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_Deliveries_RecipientOrganizationId_IncomingNumber" ON "Deliveries" ("RecipientOrganizationId", "IncomingNumber");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123002000_IncomingNumbers', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Organizations" ADD "DueWorkingDays" INTEGER NULL;

CREATE TABLE "LetterComments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LetterComments" PRIMARY KEY,
    "DeliveryId" TEXT NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_LetterComments_DeliveryId_CreatedAt" ON "LetterComments" ("DeliveryId", "CreatedAt");

CREATE INDEX "IX_Deliveries_RecipientOrganizationId_DeliveredAt" ON "Deliveries" ("RecipientOrganizationId", "DeliveredAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124000000_Workspace', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditDrafts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditDrafts" PRIMARY KEY AUTOINCREMENT,
    "Time" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Organization" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NULL,
    "Address" TEXT NULL,
    "Details" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125000000_AuditDrafts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Letters" ADD "SubjectSearch" TEXT NOT NULL DEFAULT '';

UPDATE "Letters" SET "SubjectSearch" = lower("Subject");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126000000_SubjectSearch', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_OutboxMessages_Unsent" ON "OutboxMessages" ("Id") WHERE "SentAt" IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127000000_HotPathStorage', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Letters" ADD "SignedContentSha256" TEXT NOT NULL DEFAULT '';

UPDATE "Letters" SET "SignedContentSha256" = "DocumentSha256";

CREATE INDEX "IX_Letters_SignedContentSha256_SenderOrganizationId" ON "Letters" ("SignedContentSha256", "SenderOrganizationId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204000000_SignedContentIdentity', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "StaffUsers" ADD "SecurityStamp" TEXT NOT NULL DEFAULT 'initial';

ALTER TABLE "Accounts" ADD "SecurityStamp" TEXT NOT NULL DEFAULT 'initial';

ALTER TABLE "StaffUsers" ADD "FailedLogins" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "StaffUsers" ADD "LockedUntil" INTEGER NULL;

CREATE UNIQUE INDEX "IX_StaffUsers_CertificateThumbprint" ON "StaffUsers" ("CertificateThumbprint");

CREATE TABLE "EndedSessions" (
    "SessionId" TEXT NOT NULL CONSTRAINT "PK_EndedSessions" PRIMARY KEY,
    "ExpiresAt" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204001000_SecurityStamps', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "IdempotencyRecords" ADD "Fingerprint" TEXT NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204002000_IdempotencyFingerprints', '10.0.15');

COMMIT;

