using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartOffice.Exchange.Accounts;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Organizations;
using SmartOffice.Exchange.Outbox;

namespace SmartOffice.Exchange.Persistence;

/// <summary>The exchange's database: used directly by features (no repository layer), configured per entity.</summary>
public sealed class ExchangeDbContext(DbContextOptions<ExchangeDbContext> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountCertificate> AccountCertificates => Set<AccountCertificate>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    public DbSet<AuthChallenge> AuthChallenges => Set<AuthChallenge>();

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<LetterAttachment> LetterAttachments => Set<LetterAttachment>();

    public DbSet<EvidenceRecord> Evidences => Set<EvidenceRecord>();

    public DbSet<LetterComment> LetterComments => Set<LetterComment>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<Audit.AuditDraft> AuditDrafts => Set<Audit.AuditDraft>();

    public DbSet<Notifications.WebhookSubscription> WebhookSubscriptions => Set<Notifications.WebhookSubscription>();

    public DbSet<Notifications.WebhookDelivery> WebhookDeliveries => Set<Notifications.WebhookDelivery>();

    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();

    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExchangeDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (IsSqlite)
        {
            // SQLite cannot compare or order DateTimeOffset text; as a long (UTC ticks) it sorts and compares in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
