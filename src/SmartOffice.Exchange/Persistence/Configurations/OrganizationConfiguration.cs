using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Exchange.Organizations;

namespace SmartOffice.Exchange.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.RegistryNumber).HasMaxLength(32);
        builder.HasIndex(o => o.RegistryNumber).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(400);
        builder.Property(o => o.SearchName).HasMaxLength(400);
        builder.Property(o => o.ParentRegistryNumber).HasMaxLength(32);
    }
}
