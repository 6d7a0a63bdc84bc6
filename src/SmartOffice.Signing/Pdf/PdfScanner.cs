using System.Text;

namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Reads the structure of a PDF from its raw bytes, front to back, seeing every object the file holds.
/// Hand-written on purpose: a signature validator must see objects that no cross-reference table points at
/// (a library parser hides them), must stay bounded on hostile input, and must be fast: PDFsharp's full
/// document open alone costs more than the validator's whole budget for a 50 KB letter. PDFsharp is still
/// used to write and sign letters.
/// </summary>
internal static class PdfScanner
{
    private static readonly System.Buffers.SearchValues<byte> Whitespace = System.Buffers.SearchValues.Create(
        " \t\r\n\f\0"u8
    );

    /// <summary>
    /// Scans <paramref name="file"/>; with <paramref name="catalogStreamKey"/>, also decodes the stream the document
    /// catalog names under that key (<see cref="PdfScanResult.CatalogStream"/>).
    /// </summary>
    public static PdfScanResult Scan(ReadOnlyMemory<byte> file, PdfScanLimits limits, string? catalogStreamKey = null)
    {
        try
        {
            return ScanOrThrow(file, limits, catalogStreamKey);
        }
        catch (PdfSyntaxException exception)
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, exception.Message);
        }
        catch (Exception exception)
            when (exception
                    is InvalidDataException
                        or OverflowException
                        or ArgumentException
                        or IndexOutOfRangeException
                        or InvalidOperationException
            )
        {
            return PdfScanResult.Failed(
                ValidationCodes.PdfMalformed,
                $"unreadable structure ({exception.GetType().Name})"
            );
        }
    }

    private static PdfScanResult ScanOrThrow(ReadOnlyMemory<byte> file, PdfScanLimits limits, string? catalogStreamKey)
    {
        var span = file.Span;
        if (!span.StartsWith("%PDF-"u8))
        {
            return PdfScanResult.Failed(ValidationCodes.NotPdf, Describe(span));
        }

        var lastEof = span.LastIndexOf("%%EOF"u8);
        if (lastEof < 0)
        {
            return PdfScanResult.Failed(
                ValidationCodes.PdfMalformed,
                "there is no %%EOF marker: the file is truncated or not a complete PDF"
            );
        }

        var trailing = span[(lastEof + 5)..].IndexOfAnyExcept(Whitespace);
        if (trailing >= 0)
        {
            return PdfScanResult.Failed(
                ValidationCodes.PdfMalformed,
                $"{span.Length - lastEof - 5 - trailing} byte(s) that are not whitespace follow the last %%EOF "
                    + $"(byte {lastEof}): nothing may follow the end of the PDF"
            );
        }

        var body = new TopLevelReader(file[..(lastEof + 5)], 0, limits).Read();
        if (body.StartXrefs.Count == 0 || body.Trailers.Count == 0)
        {
            return PdfScanResult.Failed(
                ValidationCodes.PdfMalformed,
                "there is no trailer or startxref: the file is truncated or damaged"
            );
        }

        if (body.Trailers.Any(t => t.ContainsKey("Encrypt")))
        {
            return PdfScanResult.Failed(
                ValidationCodes.PdfEncrypted,
                "a trailer or cross-reference stream names an /Encrypt dictionary"
            );
        }

        var decoder = new StreamDecoder(limits);
        var crossReferences = new CrossReferences(file, body, decoder, limits);
        var chain = crossReferences.Chain();
        var (objects, table) = crossReferences.Reconcile(chain);
        decoder.Table = table;
        if (table.Resolve(chain[0].Trailer["Root"]) is not PdfDictionary catalog)
        {
            return PdfScanResult.Failed(
                ValidationCodes.PdfMalformed,
                "the newest trailer does not name a document catalog (/Root)"
            );
        }

        var walker = new ObjectWalker(table);
        walker.Walk(objects);
        var dss = DssReader.Read(file, table, catalog, decoder);
        return new PdfScanResult
        {
            Signatures = walker.Signatures,
            ShownSignatureObjects = SignatureFields.Shown(table, catalog),
            ActiveContent = walker.ActiveContent,
            DssCrls = dss.Crls,
            DssOcspResponses = dss.Ocsps,
            DssCertificates = dss.Certificates,
            RevisionEnds = RevisionEnds(span, body.EndOfFileMarkers),
            ObjectCount = objects.Count,
            CatalogStream = catalogStreamKey is null
                ? null
                : CatalogStream(file, table, catalog, decoder, catalogStreamKey),
        };
    }

    private static byte[]? CatalogStream(
        ReadOnlyMemory<byte> file,
        PdfObjectTable table,
        PdfDictionary catalog,
        StreamDecoder decoder,
        string key
    ) =>
        catalog[key] is PdfReference reference && table[reference.Number] is { StreamStart: >= 0 } stream
            ? decoder.TryDecode(file, stream)
            : null;

    private static List<long> RevisionEnds(ReadOnlySpan<byte> span, List<int> markers)
    {
        var ends = new List<long>(markers.Count);
        foreach (var marker in markers)
        {
            var end = marker;
            if (end < span.Length && span[end] == '\r')
            {
                end++;
            }

            if (end < span.Length && span[end] == '\n')
            {
                end++;
            }

            ends.Add(end);
        }

        return ends;
    }

    private static string Describe(ReadOnlySpan<byte> span)
    {
        var header = span[..Math.Min(span.Length, 1024)].IndexOf("%PDF-"u8);
        if (header > 0)
        {
            return $"{header} byte(s) come before the %PDF- header: a PDF must start with it (a file that is also "
                + $"another format is refused)";
        }

        return span switch
        {
            [] => "the file is empty",
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "it is a PNG image",
            [(byte)'P', (byte)'K', 3, 4, ..] => "it is a ZIP archive (perhaps a Word or Excel file)",
            [0xFF, 0xD8, 0xFF, ..] => "it is a JPEG image",
            [0xD0, 0xCF, 0x11, 0xE0, ..] => "it is an old Microsoft Office file",
            _ when Encoding
                    .ASCII.GetString(span[..Math.Min(span.Length, 256)])
                    .Contains("<html", StringComparison.OrdinalIgnoreCase) => "it is an HTML page",
            _ => "there is no %PDF- header at the start of the file",
        };
    }
}
