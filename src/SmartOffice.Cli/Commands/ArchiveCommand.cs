using System.IO.Compression;
using System.Security.Cryptography;

namespace SmartOffice.Cli.Commands;

/// <summary>
/// `smartoffice archive verify PACKAGE.zip`: every file listed in SHA256SUMS is present with that hash, and nothing is
/// unlisted.
/// </summary>
internal static class ArchiveCommand
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout)
    {
        arguments.Allow();
        if (
            arguments.Positional.Count != 2
            || arguments.Positional[0] != "verify"
            || !File.Exists(arguments.Positional[1])
        )
        {
            throw new UsageException("usage: archive verify PACKAGE.zip (an existing file)");
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(arguments.Positional[1]);
        }
        catch (InvalidDataException exception)
        {
            throw new UsageException($"{arguments.Positional[1]} is not a ZIP: {exception.Message}");
        }

        using (zip)
        {
            var manifest = zip.GetEntry("SHA256SUMS");
            if (manifest is null)
            {
                await stdout.WriteLineAsync("INVALID: the package has no SHA256SUMS");
                return CliApp.Refused;
            }

            using var reader = new StreamReader(manifest.Open());
            var listed = new HashSet<string>(StringComparer.Ordinal) { "SHA256SUMS", "README.txt" };
            var problems = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var separator = line.IndexOf("  ", StringComparison.Ordinal);
                if (separator != 64)
                {
                    problems.Add($"malformed manifest line: {line}");
                    continue;
                }

                var (expected, path) = (line[..64], line[66..]);
                listed.Add(path);
                var entry = zip.GetEntry(path);
                if (entry is null)
                {
                    problems.Add($"{path} is listed but missing");
                    continue;
                }

                await using var content = entry.Open();
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
                if (actual != expected)
                {
                    problems.Add($"{path} has SHA-256 {actual}, the manifest says {expected}");
                }
            }

            problems.AddRange(
                zip.Entries.Where(e => !listed.Contains(e.FullName)).Select(e => $"{e.FullName} is not in the manifest")
            );
            foreach (var problem in problems)
            {
                await stdout.WriteLineAsync($"INVALID: {problem}");
            }

            await stdout.WriteLineAsync(
                problems.Count == 0
                    ? $"VALID: {listed.Count - 2} files match SHA256SUMS"
                    : $"{problems.Count} problem(s)"
            );
            return problems.Count == 0 ? CliApp.Ok : CliApp.Refused;
        }
    }
}
