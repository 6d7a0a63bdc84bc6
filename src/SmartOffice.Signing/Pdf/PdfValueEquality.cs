namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Whether two parsed values are the same PDF value (a repeated key with the same value is harmless).
/// </summary>
internal static class PdfValueEquality
{
    private const int MaxDepth = 16;

    public static bool AreSame(PdfValue a, PdfValue b, int depth = 0) =>
        depth <= MaxDepth
        && (a, b) switch
        {
            (PdfName x, PdfName y) => x.Value == y.Value,
            (PdfNumber x, PdfNumber y) => x.Value.Equals(y.Value) && x.IsInteger == y.IsInteger,
            (PdfString x, PdfString y) => x.Bytes.AsSpan().SequenceEqual(y.Bytes),
            (PdfReference x, PdfReference y) => x.Number == y.Number && x.Generation == y.Generation,
            (PdfKeyword x, PdfKeyword y) => x.Value == y.Value,
            (PdfArray x, PdfArray y) => x.Items.Count == y.Items.Count
                && x.Items.Zip(y.Items).All(p => AreSame(p.First, p.Second, depth + 1)),
            (PdfDictionary x, PdfDictionary y) => x.Entries.Count == y.Entries.Count
                && x.Entries.Zip(y.Entries)
                    .All(p => p.First.Key == p.Second.Key && AreSame(p.First.Value, p.Second.Value, depth + 1)),
            _ => false,
        };
}
