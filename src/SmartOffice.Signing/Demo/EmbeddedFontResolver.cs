using PdfSharp.Fonts;

namespace SmartOffice.Signing.Demo;

/// <summary>
/// Serves Liberation Sans from embedded resources: PDFsharp resolves no system fonts on Linux, and Liberation
/// renders Mongolian Cyrillic (Ө, Ү, Ё) correctly when subset, where DejaVu 2.37 loses letters.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";
    private static readonly object s_gate = new();
    private static bool s_installed;

    /// <summary>Makes PDFsharp usable: this resolver installed (once per process).</summary>
    public static void EnsureInstalled()
    {
        lock (s_gate)
        {
            if (s_installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }

            s_installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(
            $"SmartOffice.Fonts.{faceName}.ttf"
        );
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
