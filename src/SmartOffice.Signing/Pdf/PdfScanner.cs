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
    private const int HeaderWindow = 1024;

    public static PdfScanResult Scan(ReadOnlyMemory<byte> file, PdfScanLimits limits)
    {
        try
        {
            return ScanOrThrow(file, limits);
        }
        catch (PdfSyntaxException exception)
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, exception.Message);
        }
        catch (Exception exception) when (exception is InvalidDataException or OverflowException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, $"unreadable structure ({exception.GetType().Name})");
        }
    }

    private static PdfScanResult ScanOrThrow(ReadOnlyMemory<byte> file, PdfScanLimits limits)
    {
        var span = file.Span;
        var header = span[..Math.Min(span.Length, HeaderWindow)].IndexOf("%PDF-"u8);
        if (header < 0)
        {
            return PdfScanResult.Failed(ValidationCodes.NotPdf, Describe(span));
        }

        // Everything after the last end-of-file marker is left to the validator: it is either nothing or
        // bytes appended after signing, which the byte-range check reports as such.
        var lastEof = span.LastIndexOf("%%EOF"u8);
        if (lastEof < 0)
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, "there is no %%EOF marker: the file is truncated or not a complete PDF");
        }

        var body = new TopLevelReader(file[..(lastEof + 5)], header, limits).Read();
        if (body.StartXrefs.Count == 0 || body.Trailers.Count == 0)
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, "there is no trailer or startxref: the file is truncated or damaged");
        }

        if (!PointsAtCrossReference(span, body.StartXrefs[^1], header, body))
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, $"startxref {body.StartXrefs[^1]} does not point at a cross-reference section");
        }

        if (body.Trailers.Any(t => t.ContainsKey("Encrypt")))
        {
            return PdfScanResult.Failed(ValidationCodes.PdfEncrypted, "the trailer names an /Encrypt dictionary");
        }

        if (!body.Trailers.Any(t => t["Root"] is PdfReference))
        {
            return PdfScanResult.Failed(ValidationCodes.PdfMalformed, "no trailer names the document catalog (/Root)");
        }

        var objects = ObjectStreamReader.Expand(file, body.Objects, limits);
        var walker = new ObjectWalker();
        walker.Walk(objects);
        var dss = DssReader.Read(file, objects, body.Trailers, limits);
        return new PdfScanResult
        {
            Signatures = walker.Signatures,
            ActiveContent = walker.ActiveContent,
            DssCrls = dss.Crls,
            DssOcspResponses = dss.Ocsps,
            DssCertificates = dss.Certificates,
            RevisionEnds = RevisionEnds(span, body.EndOfFileMarkers),
        };
    }

    private static bool PointsAtCrossReference(ReadOnlySpan<byte> span, long startXref, int header, TopLevelReader.Result body)
    {
        foreach (var offset in new[] { startXref, startXref + header })
        {
            if (offset < 0 || offset >= span.Length)
            {
                continue;
            }

            if (span[(int)offset..].StartsWith("xref"u8))
            {
                return true;
            }

            if (body.Objects.Any(o => o.Offset == offset && o.Value is PdfDictionary d && d.NameOf("Type") == "XRef"))
            {
                return true;
            }
        }

        return false;
    }

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

    private static string Describe(ReadOnlySpan<byte> span) => span switch
    {
        [] => "the file is empty",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "it is a PNG image",
        [(byte)'P', (byte)'K', 3, 4, ..] => "it is a ZIP archive (perhaps a Word or Excel file)",
        [0xFF, 0xD8, 0xFF, ..] => "it is a JPEG image",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "it is an old Microsoft Office file",
        _ when Encoding.ASCII.GetString(span[..Math.Min(span.Length, 256)]).Contains("<html", StringComparison.OrdinalIgnoreCase) => "it is an HTML page",
        _ => "no %PDF- header in the first 1024 bytes",
    };
}
