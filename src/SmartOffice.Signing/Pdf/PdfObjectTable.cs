namespace SmartOffice.Signing.Pdf;

/// <summary>
/// The objects a viewer sees: for each number, the definition the newest cross-reference section gives.
/// Resolves indirect values the checks depend on, following at most a few references so cycles end.
/// </summary>
internal sealed class PdfObjectTable(Dictionary<int, PdfIndirectObject> current)
{
    private const int MaxHops = 8;

    public PdfIndirectObject? this[int number] => current.GetValueOrDefault(number);

    public PdfValue? Resolve(PdfValue? value)
    {
        for (var hop = 0; hop < MaxHops && value is PdfReference reference; hop++)
        {
            value = current.TryGetValue(reference.Number, out var target) ? target.Value : null;
        }

        return value is PdfReference ? null : value;
    }

    /// <summary>The name a key holds, directly or through references; null otherwise.</summary>
    public string? NameOf(PdfDictionary dictionary, string key) =>
        Resolve(dictionary[key]) is PdfName name ? name.Value : null;
}
