namespace SmartOffice.Exchange.Accounts;

/// <summary>
/// A message to one staff member in their workspace, such as a head's reminder about a late letter; read once, kept.
/// </summary>
public sealed class StaffNotification
{
    public const string Reminder = "reminder";

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    /// <summary>Who it is for.</summary>
    public Guid StaffUserId { get; set; }

    public required string Kind { get; set; }

    /// <summary>The letter it is about, if any.</summary>
    public Guid? LetterId { get; set; }

    /// <summary>The display name of who sent it, as it was then.</summary>
    public required string FromName { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
