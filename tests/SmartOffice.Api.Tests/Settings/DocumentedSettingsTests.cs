using System.Reflection;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Api.Tests.Settings;

/// <summary>
/// docs/operations.md lists every setting an options class reads, so an operator never meets a hidden one.
/// </summary>
[TestClass]
public sealed class DocumentedSettingsTests
{
    [TestMethod]
    public void Every_setting_of_every_options_class_is_in_the_operations_guide()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
        var assemblies = new[]
        {
            typeof(ArchiveOptions).Assembly,
            typeof(Program).Assembly,
            typeof(SmartOffice.Signing.SignatureValidationOptions).Assembly,
        };
        var settings = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t =>
                t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not null
            )
            .SelectMany(t =>
                t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p =>
                        p.SetMethod is { IsPublic: true }
                        || p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Length > 0
                    )
                    .Where(p => !(t == typeof(DatabaseOptions) && p.Name == nameof(DatabaseOptions.ConnectionString)))
                    // A nested section is listed key by key under its own name.
                    .Where(p => p.PropertyType.GetField("SectionName") is null)
                    .Select(p => $"`{t.GetField("SectionName")!.GetValue(null)}:{p.Name}`")
            )
            .ToList();

        Assert.IsGreaterThan(40, settings.Count, "the options classes were found");
        var missing = settings.Where(s => !guide.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(missing, "not in docs/operations.md: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "docs", "operations.md")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("docs/operations.md not found above " + AppContext.BaseDirectory);
    }
}
