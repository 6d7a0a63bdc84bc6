namespace SmartOffice.Exchange.Organizations;

/// <summary>An organization of the directory: a city agency or a company, known by its registry number.</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>National register number, e.g. "5123456"; unique.</summary>
    public required string RegistryNumber { get; set; }

    /// <summary>Official name in Mongolian.</summary>
    public required string Name
    {
        get;
        set
        {
            field = value;
            SearchName = value.ToLowerInvariant();
        }
    }

    /// <summary>
    /// The name in lower case: SQLite's lower() knows only ASCII, so Cyrillic search compares this column.
    /// </summary>
    public string SearchName { get; private set; } = "";

    public OrganizationKind Kind { get; set; }

    /// <summary>
    /// Registry number of the parent organization (e.g. a district office under its district), if any.
    /// </summary>
    public string? ParentRegistryNumber { get; set; }

    public OrganizationStatus Status { get; set; } = OrganizationStatus.Active;

    /// <summary>
    /// An agency's default time to answer, in working days, used when a clerk assigns without a due date.
    /// </summary>
    public int? DueWorkingDays { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }
}

public enum OrganizationKind
{
    Company,
    Agency,

    /// <summary>The operator of the service itself: home of its administrators, never a sender or recipient.</summary>
    Service,
}

public enum OrganizationStatus
{
    Active,
    Suspended,
    Removed,
}
