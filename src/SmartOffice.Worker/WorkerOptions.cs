namespace SmartOffice.Worker;

/// <summary>The Worker's own settings (section "Worker").</summary>
public sealed record WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>A key this short can be guessed; the error-queue endpoints replay deliveries.</summary>
    public const int ShortestAdminKey = 16;

    /// <summary>
    /// The X-Admin-Key the error-queue endpoints ask for; without one they stay closed.
    /// </summary>
    public string? AdminKey { get; init; }

    public static IEnumerable<string> Check(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AdminKey is { } key && key.Length is > 0 and < ShortestAdminKey)
        {
            yield return $"Worker:AdminKey has {key.Length} characters: set at least {ShortestAdminKey} random ones, "
                + "or leave it unset to keep the error-queue endpoints closed.";
        }
    }
}
