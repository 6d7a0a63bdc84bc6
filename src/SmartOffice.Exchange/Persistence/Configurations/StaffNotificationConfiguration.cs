using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Exchange.Accounts;

namespace SmartOffice.Exchange.Persistence.Configurations;

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.FromName).HasMaxLength(200);
        // The header counts a user's unread ones on every page.
        builder.HasIndex(n => new { n.StaffUserId, n.ReadAt });
    }
}
