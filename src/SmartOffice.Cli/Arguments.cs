namespace SmartOffice.Cli;

/// <summary>
/// Command-line words: a command, positional values, "--name value" options (repeatable) and "--flag"s.
/// Hand-rolled because the contract is tiny and System.CommandLine is not a stable package to pin here.
/// </summary>
public sealed class Arguments
{
    private static readonly HashSet<string> Flags = ["--json", "--help", "-h"];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public string? Command { get; private set; }

    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args)
    {
        var result = new Arguments();
        var optionsEnded = false;
        for (var i = 0; i < args.Length; i++)
        {
            var word = args[i];
            if (!optionsEnded && word == "--")
            {
                // Everything after "--" is a file, even a name that starts with a dash.
                optionsEnded = true;
            }
            else if (optionsEnded)
            {
                if (result.Command is null)
                {
                    result.Command = word;
                }
                else
                {
                    result.Positional.Add(word);
                }
            }
            else if (result.Command is null && !word.StartsWith('-'))
            {
                result.Command = word;
            }
            else if (Flags.Contains(word))
            {
                result.Add(word, "true");
            }
            else if (word.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{word} needs a value");
                }

                result.Add(word, args[++i]);
            }
            else
            {
                result.Positional.Add(word);
            }
        }

        return result;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => Value(name) ?? throw new UsageException($"{name} is required");

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>Fails on any option the command does not know, so typos are not silently ignored.</summary>
    public void Allow(params string[] names)
    {
        var unknown = _options.Keys.Where(k => !names.Contains(k) && !Flags.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown)}");
        }
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }

        values.Add(value);
    }
}

/// <summary>A usage error: exit code 2 with a message.</summary>
public sealed class UsageException(string message) : Exception(message);
