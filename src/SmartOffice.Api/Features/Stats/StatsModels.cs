namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// One agency's figures for a period [From, To] (by delivery date, both days included). Hours are wall-clock hours.
/// </summary>
public sealed record AgencyStats(
    string RegistryNumber,
    string Name,
    DateOnly From,
    DateOnly To,
    int Received,
    int Registered,
    int Answered,
    int Closed,
    int Overdue,
    double? MedianHoursToRegister,
    double? P90HoursToRegister,
    double? MedianHoursToAnswer,
    double? P90HoursToAnswer,
    IReadOnlyList<SenderCount> TopSenders,
    string TrendUnit,
    IReadOnlyList<TrendPoint> Trend
);

public sealed record SenderCount(string RegistryNumber, string? Name, int Letters);

/// <summary>
/// Letters received, and letters answered, in the bucket starting on <see cref="Start"/> (a day or a week).
/// </summary>
public sealed record TrendPoint(DateOnly Start, int Received, int Answered);

/// <summary>One agency's row in the city-wide comparison.</summary>
public sealed record AgencyRow(
    string RegistryNumber,
    string Name,
    int Received,
    int Registered,
    int Answered,
    int Overdue,
    double? MedianHoursToAnswer,
    double? P90HoursToAnswer
);

public sealed record CityStats(DateOnly From, DateOnly To, IReadOnlyList<AgencyRow> Agencies);
