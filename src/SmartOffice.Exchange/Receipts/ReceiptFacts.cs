using System.Text.Json;
using SmartOffice.Signing.Pdf;

namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// The receipt's facts as JSON inside the PDF: a stream the document catalog names /SmartOfficeReceipt, within the
/// signed bytes, so a program reads what the receipt says from the sealed file alone. Compact JSON in a fixed field
/// order, so the same facts always give the same bytes.
/// </summary>
public static class ReceiptFacts
{
    /// <summary>The catalog key (without the slash) that names the facts stream.</summary>
    public const string CatalogKey = "SmartOfficeReceipt";

    /// <summary>Receipts are a few kilobytes of facts; anything larger is not one of ours.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly byte[] s_marker = System.Text.Encoding.ASCII.GetBytes("/" + CatalogKey);

    public static byte[] ToJson(DeliveryReceipt receipt) =>
        JsonSerializer.SerializeToUtf8Bytes(receipt, ExchangeJson.Options);

    /// <summary>
    /// Whether a PDF claims to be a receipt: its catalog names a facts stream. The key is looked for in the bytes first
    /// (a receipt never hides its catalog in a compressed object stream), so a letter costs no second scan.
    /// </summary>
    public static bool IsClaimedBy(ReadOnlyMemory<byte> pdf) =>
        pdf.Span.IndexOf(s_marker) >= 0 && Find(pdf) is not null;

    /// <summary>
    /// The facts stream of a PDF, undecided whether it reads as facts; null when the PDF names none (it does not claim
    /// to be a receipt).
    /// </summary>
    public static byte[]? Find(ReadOnlyMemory<byte> pdf) => PdfCatalogData.Read(pdf, CatalogKey);

    /// <summary>The facts a PDF carries; null when it carries none, or none that read as receipt facts.</summary>
    public static DeliveryReceipt? Read(ReadOnlyMemory<byte> pdf) => Find(pdf) is { } json ? Parse(json) : null;

    public static DeliveryReceipt? Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length is 0 or > MaxBytes)
        {
            return null;
        }

        try
        {
            return
                JsonSerializer.Deserialize<DeliveryReceipt>(json, ExchangeJson.Options) is { Version: 1 } receipt
                && receipt.Subject is not null
                && receipt.Sender is not null
                && receipt.Recipient is not null
                ? receipt
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
