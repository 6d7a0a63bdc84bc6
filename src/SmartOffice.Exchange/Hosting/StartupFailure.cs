using Microsoft.Extensions.Options;

namespace SmartOffice.Exchange.Hosting;

/// <summary>
/// A host that cannot start because of its settings says so in one line on standard error, naming each key and what
/// to set, and exits with 78 (EX_CONFIG), instead of a stack trace or a service that starts and fails every request.
/// </summary>
public static class StartupFailure
{
    public const int ConfigurationExitCode = 78;

    /// <summary>The line to print when <paramref name="exception"/> is about settings; null when it is not.</summary>
    public static string? Describe(Exception exception)
    {
        var failures = exception switch
        {
            OptionsValidationException options => options.Failures,
            AggregateException all
                when all.InnerExceptions.Count > 0 && all.InnerExceptions.All(e => e is OptionsValidationException) =>
                all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures),
            _ => null,
        };
        return failures is null
            ? null
            : "SmartOffice cannot start: " + string.Join(" ", failures.Distinct(StringComparer.Ordinal));
    }

    /// <summary>Runs the host; a settings problem becomes one line and exit code 78.</summary>
    public static async Task<int> RunAsync(Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await run().ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (Describe(exception) is { } line)
        {
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            return ConfigurationExitCode;
        }
    }
}
