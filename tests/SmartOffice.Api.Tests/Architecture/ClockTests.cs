using System.Text.RegularExpressions;

namespace SmartOffice.Api.Tests.Architecture;

/// <summary>
/// Time comes from TimeProvider: product code never reads the system clock itself, so tests can move time and every
/// timestamp of one step agrees.
/// </summary>
[TestClass]
public sealed partial class ClockTests
{
    // The demo PKI tool and the command line's sample letter stand outside the service.
    private static readonly string[] s_allowed =
    [
        Path.Combine("src", "SmartOffice.Signing", "Pki", "DemoPki.cs"),
        Path.Combine("src", "SmartOffice.Cli", "Commands", "SampleLetterCommand.cs"),
    ];

    [TestMethod]
    public void No_product_code_reads_the_system_clock_except_through_time_provider()
    {
        var root = LineLengthTests.RepositoryRoot();
        var offenders = Directory
            .EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file =>
                !file.Contains(
                    $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
                && !file.Contains($"{Path.DirectorySeparatorChar}Migrations", StringComparison.Ordinal)
                && !s_allowed.Contains(file)
            )
            .SelectMany(file =>
                File.ReadLines(Path.Combine(root, file)).Select((line, index) => (file, line, number: index + 1))
            )
            .Where(entry => SystemClock().IsMatch(entry.line))
            .Select(entry => $"{entry.file}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.IsEmpty(offenders, string.Join(Environment.NewLine, offenders));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b")]
    private static partial Regex SystemClock();
}
