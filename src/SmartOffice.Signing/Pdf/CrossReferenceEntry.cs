namespace SmartOffice.Signing.Pdf;

/// <summary>
/// One cross-reference entry: free (type 0), in use at a byte offset (type 1), or packed in an object
/// stream (type 2, <see cref="Field2"/> = the object stream's number, <see cref="Field3"/> = its index there).
/// </summary>
internal readonly record struct CrossReferenceEntry(int Number, int Type, long Field2, long Field3)
{
    public static CrossReferenceEntry Free(int number) => new(number, 0, 0, 0);

    public static CrossReferenceEntry InUse(int number, long offset, int generation) =>
        new(number, 1, offset, generation);

    public static CrossReferenceEntry Compressed(int number, long container, long index) =>
        new(number, 2, container, index);
}

/// <summary>A classic cross-reference table: the byte offset of its "xref" keyword, its trailer and entries.</summary>
internal sealed record CrossReferenceTable(long Offset, PdfDictionary Trailer, List<CrossReferenceEntry> Entries);
