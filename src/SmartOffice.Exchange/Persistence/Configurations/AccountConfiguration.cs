using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Exchange.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.HasKey(a => a.Id);
        // One account per organization: the database, not the code, is the truth.
        builder.HasIndex(a => a.OrganizationId).IsUnique();
        builder.HasIndex(a => a.RegistryNumber).IsUnique();
        builder.Property(a => a.RegistryNumber).HasMaxLength(32);
        builder.Property(a => a.FlagReason).HasMaxLength(1000);
        builder.Property(a => a.SecurityStamp).HasMaxLength(32);
        builder.HasMany(a => a.Certificates).WithOne().HasForeignKey(c => c.AccountId);
    }
}

internal sealed class AccountCertificateConfiguration : IEntityTypeConfiguration<AccountCertificate>
{
    public void Configure(EntityTypeBuilder<AccountCertificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Thumbprint).IsUnique();
        builder.Property(c => c.Thumbprint).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(1000);
        builder.Property(c => c.Issuer).HasMaxLength(1000);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.HasIndex(u => u.OrganizationId);
        builder.Property(u => u.UserName).HasMaxLength(100);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Roles).HasMaxLength(200);
        builder.Property(u => u.CertificateThumbprint).HasMaxLength(64);
        builder.HasIndex(u => u.CertificateThumbprint).IsUnique();
        builder.Property(u => u.SecurityStamp).HasMaxLength(32);
    }
}

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).HasMaxLength(64);
    }
}

internal sealed class AuthChallengeConfiguration : IEntityTypeConfiguration<AuthChallenge>
{
    public void Configure(EntityTypeBuilder<AuthChallenge> builder)
    {
        builder.HasKey(c => c.Nonce);
        builder.Property(c => c.Nonce).HasMaxLength(64);
        builder.HasIndex(c => c.ExpiresAt);
    }
}
