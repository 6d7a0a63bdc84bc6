namespace SmartOffice.Api.Features.Stats;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (as spreadsheets' PERCENTILE.INC), in hours.
/// </summary>
public static class Percentile
{
    public static double? Of(IReadOnlyList<double> sortedValues, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        if (sortedValues.Count == 0)
        {
            return null;
        }

        var rank = fraction * (sortedValues.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        var value = sortedValues[low] + ((sortedValues[high] - sortedValues[low]) * (rank - low));
        return Math.Round(value, 2);
    }
}
