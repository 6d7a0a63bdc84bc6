namespace SmartOffice.Signing.Pdf;

/// <summary>Reads the Document Security Store (/Root /DSS): CRLs, OCSP responses and certificates kept in the PDF.</summary>
internal static class DssReader
{
    private const int MaxEntries = 64;

    public sealed record Result(List<byte[]> Crls, List<byte[]> Ocsps, List<byte[]> Certificates);

    public static Result Read(ReadOnlyMemory<byte> file, List<PdfIndirectObject> objects, List<PdfDictionary> trailers, PdfScanLimits limits)
    {
        var result = new Result([], [], []);
        var latest = new Dictionary<int, PdfIndirectObject>();
        foreach (var indirect in objects)
        {
            latest[indirect.Number] = indirect;
        }

        var root = trailers.LastOrDefault(t => t["Root"] is PdfReference)?["Root"] as PdfReference;
        var catalog = Resolve(root, latest) as PdfDictionary;
        if (Resolve(catalog?["DSS"], latest) is not PdfDictionary dss)
        {
            return result;
        }

        var decoder = new StreamDecoder(limits);
        Collect(dss["CRLs"], result.Crls);
        Collect(dss["OCSPs"], result.Ocsps);
        Collect(dss["Certs"], result.Certificates);
        return result;

        void Collect(PdfValue? entry, List<byte[]> target)
        {
            if (Resolve(entry, latest) is not PdfArray array)
            {
                return;
            }

            foreach (var item in array.Items.Take(MaxEntries))
            {
                if (item is PdfReference reference && latest.TryGetValue(reference.Number, out var stream) && decoder.Decode(file, stream) is { } bytes)
                {
                    target.Add(bytes);
                }
            }
        }
    }

    // One step only: a reference to a reference is not followed, so reference cycles cannot loop.
    private static PdfValue? Resolve(PdfValue? value, Dictionary<int, PdfIndirectObject> latest) =>
        value is PdfReference reference && latest.TryGetValue(reference.Number, out var target) ? target.Value : value;
}
