using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Exchange.Letters;

namespace SmartOffice.Exchange.Persistence.Configurations;

internal sealed class LetterCommentConfiguration : IEntityTypeConfiguration<LetterComment>
{
    public void Configure(EntityTypeBuilder<LetterComment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasIndex(c => new { c.DeliveryId, c.CreatedAt });
    }
}
