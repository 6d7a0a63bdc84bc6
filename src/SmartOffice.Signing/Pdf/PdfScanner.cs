namespace SmartOffice.Signing.Pdf;

/// <summary>Reads the structure of a PDF from its raw bytes (to be implemented).</summary>
internal static class PdfScanner
{
    public static PdfScanResult Scan(ReadOnlyMemory<byte> file, PdfScanLimits limits)
    {
        _ = file;
        _ = limits;
        throw new NotImplementedException();
    }
}
