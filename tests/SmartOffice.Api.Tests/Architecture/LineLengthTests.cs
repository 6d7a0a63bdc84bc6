namespace SmartOffice.Api.Tests.Architecture;

/// <summary>
/// The code follows .editorconfig's max_line_length: CSharpier formats to it; comments and strings are wrapped by hand.
/// </summary>
[TestClass]
public sealed class LineLengthTests
{
    private const int MaxLineLength = 120;

    [TestMethod]
    public void No_line_of_csharp_is_longer_than_the_editorconfig_allows()
    {
        var root = RepositoryRoot();
        StringAssert.Contains(
            File.ReadAllText(Path.Combine(root, ".editorconfig")),
            $"max_line_length = {MaxLineLength}"
        );
        var offenders = new[] { "src", "tests", "bench" }
            .SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            )
            .Where(file =>
                !file.Contains(
                    $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
                && !file.Contains(
                    $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
            )
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => entry.line.Length > MaxLineLength)
            .Select(entry => $"{Path.GetRelativePath(root, entry.file)}:{entry.number} ({entry.line.Length})")
            .ToList();

        Assert.IsEmpty(offenders, string.Join(Environment.NewLine, offenders));
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (
                File.Exists(Path.Combine(folder.FullName, ".editorconfig"))
                && Directory.Exists(Path.Combine(folder.FullName, "src"))
            )
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }
}
