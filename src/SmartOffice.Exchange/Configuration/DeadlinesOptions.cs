namespace SmartOffice.Exchange.Configuration;

/// <summary>Answer deadlines (section "Deadlines").</summary>
public sealed record DeadlinesOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>Working days an executor gets to answer when the agency sets none.</summary>
    public int DefaultWorkingDays { get; init; } = 10;

    /// <summary>Public holidays (yyyy-MM-dd, or MM-dd for every year) that are not working days.</summary>
    public IReadOnlyList<string> Holidays { get; init; } = [];
}
