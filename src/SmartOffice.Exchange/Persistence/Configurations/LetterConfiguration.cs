using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Outbox;

namespace SmartOffice.Exchange.Persistence.Configurations;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Subject).HasMaxLength(500);
        builder.Property(l => l.SubjectSearch).HasMaxLength(500);
        builder.Property(l => l.Reference).HasMaxLength(100);
        builder.Property(l => l.SearchText).HasMaxLength(Letters.Search.LetterSearchText.MaxLength);
        builder.Property(l => l.DocumentSha256).HasMaxLength(64);
        builder.Property(l => l.SenderRegistryNumber).HasMaxLength(32);
        builder.Property(l => l.RecipientKey).HasMaxLength(4000);
        builder.Property(l => l.SignerSubject).HasMaxLength(1000);
        builder.HasIndex(l => new { l.SenderOrganizationId, l.SubmittedAt });
        // Letters still waiting for their search keys: the backfill's queue, and the few a search matches by subject.
        // Ranking asks for the letters whose reference is the query exactly.
        builder.HasIndex(l => l.Reference);
        builder.HasIndex(l => l.SubmittedAt, "IX_Letters_WithoutSearchText").HasFilter("\"SearchText\" = ''");
        builder.HasIndex(l => new { l.DocumentSha256, l.SenderOrganizationId });
        builder.Property(l => l.SignedContentSha256).HasMaxLength(64);
        builder.HasIndex(l => new { l.SignedContentSha256, l.SenderOrganizationId });
        builder.HasMany(l => l.Deliveries).WithOne(d => d.Letter).HasForeignKey(d => d.LetterId);
        builder.HasMany(l => l.Attachments).WithOne().HasForeignKey(a => a.LetterId);
    }
}

internal sealed class LetterAttachmentConfiguration : IEntityTypeConfiguration<LetterAttachment>
{
    public void Configure(EntityTypeBuilder<LetterAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.LetterId, a.Number }).IsUnique();
        // "Was this document exchanged here" looks attachments up by their hashes as it does letters.
        builder.HasIndex(a => a.DocumentSha256);
        builder.HasIndex(a => a.SignedContentSha256);
        builder.Property(a => a.FileName).HasMaxLength(LetterAttachmentRules.MaxFileNameLength);
        builder.Property(a => a.DocumentSha256).HasMaxLength(64);
        builder.Property(a => a.SignedContentSha256).HasMaxLength(64);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasKey(d => d.Id);
        // One delivery per recipient: a redelivered message hits this index and is treated as done.
        builder.HasIndex(d => new { d.LetterId, d.RecipientOrganizationId }).IsUnique();
        builder.HasIndex(d => new { d.RecipientOrganizationId, d.State });
        builder.HasIndex(d => new { d.RecipientOrganizationId, d.DeliveredAt });
        // Incoming numbers are unique per agency (the year is part of the number); NULLs do not collide.
        builder.HasIndex(d => new { d.RecipientOrganizationId, d.IncomingNumber }).IsUnique();
        builder.Property(d => d.RecipientRegistryNumber).HasMaxLength(32);
        builder.Property(d => d.IncomingNumber).HasMaxLength(32);
        builder.Property(d => d.CloseReason).HasMaxLength(2000);
        builder.Property(d => d.FailureReason).HasMaxLength(2000);
        builder.Property(d => d.ForwardedToRegistryNumber).HasMaxLength(32);
        builder.Property(d => d.ForwardedByRegistryNumber).HasMaxLength(32);
        builder.Property(d => d.ForwardReason).HasMaxLength(2000);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<EvidenceRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRecord> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.LetterId, e.EventTime });
        builder.Property(e => e.Event).HasMaxLength(64);
        builder.Property(e => e.RecipientRegistryNumber).HasMaxLength(32);
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageType).HasMaxLength(300);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.CorrelationId).HasMaxLength(100);
        builder.HasIndex(m => new { m.SentAt, m.Id });
        // The publisher's "next unsent rows" scan; sent rows (nearly all of them) are not in it.
        builder.HasIndex(m => m.Id, "IX_OutboxMessages_Unsent").HasFilter("\"SentAt\" IS NULL");
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.Organization).HasMaxLength(32);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(100);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Target);
    }
}

internal sealed class AuditDraftConfiguration : IEntityTypeConfiguration<Audit.AuditDraft>
{
    public void Configure(EntityTypeBuilder<Audit.AuditDraft> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.Organization).HasMaxLength(32);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(100);
        builder.Property(e => e.Address).HasMaxLength(64);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<Notifications.WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<Notifications.WebhookSubscription> builder)
    {
        builder.HasKey(s => s.OrganizationId);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Secret).HasMaxLength(200);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<Notifications.WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<Notifications.WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Event).HasMaxLength(64);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
        builder.HasIndex(d => d.OrganizationId);
    }
}

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.HasKey(r => new { r.AccountId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
    }
}
