namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Reads the Document Security Store (/Root /DSS): CRLs, OCSP responses and certificates kept in the PDF.
/// </summary>
internal static class DssReader
{
    private const int MaxEntries = 64;

    public sealed record Result(List<byte[]> Crls, List<byte[]> Ocsps, List<byte[]> Certificates);

    public static Result Read(
        ReadOnlyMemory<byte> file,
        PdfObjectTable table,
        PdfDictionary? catalog,
        StreamDecoder decoder
    )
    {
        var result = new Result([], [], []);
        if (catalog is null || table.Resolve(catalog["DSS"]) is not PdfDictionary dss)
        {
            return result;
        }

        Collect(dss["CRLs"], result.Crls);
        Collect(dss["OCSPs"], result.Ocsps);
        Collect(dss["Certs"], result.Certificates);
        return result;

        void Collect(PdfValue? entry, List<byte[]> target)
        {
            if (table.Resolve(entry) is not PdfArray array)
            {
                return;
            }

            foreach (var item in array.Items.Take(MaxEntries))
            {
                if (
                    item is PdfReference reference
                    && table[reference.Number] is { StreamStart: >= 0 } stream
                    && decoder.TryDecode(file, stream) is { } bytes
                )
                {
                    target.Add(bytes);
                }
            }
        }
    }
}
