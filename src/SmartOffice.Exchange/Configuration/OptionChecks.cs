using Microsoft.Extensions.Options;

namespace SmartOffice.Exchange.Configuration;

/// <summary>
/// Checks one settings section at start: each problem is one sentence that names the key and what to set, so a
/// misconfigured instance stops at once with that line instead of starting and failing every request.
/// </summary>
public sealed class OptionChecks<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
