namespace SmartOffice.Signing.Tests.Validation.Corpus;

/// <summary>A new folder under the temp path holding the given files (trust anchors, CRLs) for one validator.</summary>
internal static class TempFolder
{
    public static string With(params (string Name, byte[] Bytes)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartoffice-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        return folder;
    }
}
